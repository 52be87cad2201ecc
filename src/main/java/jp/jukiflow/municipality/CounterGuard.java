package jp.jukiflow.municipality;

import java.util.List;

import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;

/**
 * The one check every counter procedure passes (docs/domain.md "Counting days", §4): the office exists in the municipality
 * (none given: the main office), accepts the procedure, and is open at the clock's current instant — an open day
 * (not 土日, a national holiday or 12/29–1/3) within the office's hours. Process starts (the {@code checkCounter} task,
 * the start listeners), staff pages and staff APIs all call {@link #check}; a refusal is a {@link DomainRuleViolation}
 * with a stable code and the Japanese reason for the clerk:
 * {@value #OFFICE_UNKNOWN}, {@value #COUNTER_NOT_ACCEPTING}, {@value #COUNTER_CLOSED}.
 *
 * <p>Not a counter procedure, so never checked here: a suspension reported on the 24-hour line or by phone.
 */
@Service
public class CounterGuard {

    public static final String OFFICE_UNKNOWN = "OFFICE_UNKNOWN";
    public static final String COUNTER_NOT_ACCEPTING = "COUNTER_NOT_ACCEPTING";
    public static final String COUNTER_CLOSED = "COUNTER_CLOSED";

    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;

    CounterGuard(MunicipalityDirectory directory, BusinessCalendar calendar) {
        this.directory = directory;
        this.calendar = calendar;
    }

    /**
     * The office that accepts {@code procedure} now, or a refusal.
     *
     * @param municipalityCode the municipality whose counter it is (the clerk's)
     * @param officeId         the office the clerk chose; {@code null} or blank for the main office
     */
    public Office check(String municipalityCode, String officeId, Procedure procedure) {
        Municipality municipality = directory.require(LocalGovernmentCode.of(municipalityCode));
        Office office = office(municipality, officeId);
        if (!office.accepts(procedure)) {
            throw new DomainRuleViolation(COUNTER_NOT_ACCEPTING, office.name() + "では" + procedure.label()
                    + "を受け付けていません。" + elsewhere(municipality, procedure));
        }
        if (!calendar.isOpenNow(office.hours())) {
            throw new DomainRuleViolation(COUNTER_CLOSED, office.name() + "の受付時間外です（" + hours(office)
                    + "）。開庁日の受付時間内にお越しください。");
        }
        return office;
    }

    /** The offices of a municipality that accept {@code procedure}, main office first (for the clerk's choice). */
    public List<Office> offices(String municipalityCode, Procedure procedure) {
        return directory.find(LocalGovernmentCode.of(municipalityCode)).map(Municipality::offices).orElse(List.of())
                .stream().filter(o -> o.accepts(procedure)).toList();
    }

    private static Office office(Municipality municipality, String officeId) {
        if (officeId == null || officeId.isBlank()) {
            return municipality.mainOffice();
        }
        return municipality.office(officeId.strip()).orElseThrow(() -> new DomainRuleViolation(OFFICE_UNKNOWN,
                "指定の窓口（" + officeId.strip() + "）は" + municipality.name() + "にありません。受付窓口を一覧から選んでください。"));
    }

    private static String elsewhere(Municipality municipality, Procedure procedure) {
        List<String> names = municipality.offices().stream().filter(o -> o.accepts(procedure)).map(Office::name).toList();
        return names.isEmpty() ? "" : String.join("・", names) + "の窓口をご案内ください。";
    }

    private static String hours(Office office) {
        var h = office.hours();
        return "開庁日の" + h.opening().getHour() + "時" + minutes(h.opening().getMinute()) + "〜"
                + h.closing().getHour() + "時" + minutes(h.closing().getMinute());
    }

    private static String minutes(int minute) {
        return minute == 0 ? "" : minute + "分";
    }
}
