package jp.jukiflow.municipality;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Whether a counter procedure can be accepted now: the office exists in the municipality (blank: the main office),
 * accepts the procedure, and is open at the clock's current instant (DOMAIN.md "Counting days").
 */
@Service
public class Counters {

    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;

    Counters(MunicipalityDirectory directory, BusinessCalendar calendar) {
        this.directory = directory;
        this.calendar = calendar;
    }

    /** Why the counter cannot accept {@code procedure} now, in Japanese for the clerk; empty when it can. */
    public Optional<String> refusal(String municipalityCode, String officeId, Procedure procedure) {
        Municipality municipality = directory.require(LocalGovernmentCode.of(municipalityCode));
        Office office = officeId == null || officeId.isBlank() ? municipality.mainOffice()
                : municipality.office(officeId.strip()).orElse(null);
        if (office == null) {
            return Optional.of("指定の窓口（" + officeId + "）は" + municipality.name() + "にありません。");
        }
        if (!office.accepts(procedure)) {
            return Optional.of(office.name() + "では" + procedure.label() + "を受け付けていません。本庁の窓口をご案内ください。");
        }
        if (!calendar.isOpenNow(office.hours())) {
            return Optional.of(office.name() + "の受付時間外です。開庁日の受付時間内にお越しください。");
        }
        return Optional.empty();
    }
}
