package jp.jukiflow.municipality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public API: the municipalities, their offices and their business calendar. */
@RestController
@RequestMapping(path = "/api/v1/municipalities", produces = "application/json")
@Tag(name = "市区町村", description = "取扱市区町村・窓口・開庁日")
class MunicipalityApi {

    static final int MAX_CALENDAR_DAYS = 366;

    private final MunicipalityDirectory directory;
    private final BusinessCalendar calendar;
    private final Clock clock;

    MunicipalityApi(MunicipalityDirectory directory, BusinessCalendar calendar, Clock clock) {
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "取扱市区町村の一覧")
    List<MunicipalityView> list() {
        return directory.all().stream().map(MunicipalityView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "市区町村と窓口")
    MunicipalityView one(@PathVariable @Parameter(description = "全国地方公共団体コード（6桁）", example = "013676") String code) {
        return MunicipalityView.of(directory.require(LocalGovernmentCode.of(code)));
    }

    @GetMapping("/{code}/calendar")
    @Operation(summary = "開庁日カレンダー", description = "土日・祝日・振替休日・国民の休日・年末年始（12/29〜1/3）は閉庁。期間は366日まで。")
    CalendarView calendar(@PathVariable @Parameter(example = "013676") String code,
                          @RequestParam(required = false) @Parameter(description = "開始日 YYYY-MM-DD（省略時は今日）") String from,
                          @RequestParam(required = false) @Parameter(description = "終了日 YYYY-MM-DD（省略時は開始日の1か月後の前日）") String to) {
        Municipality municipality = directory.require(LocalGovernmentCode.of(code));
        LocalDate start = from == null ? LocalDate.now(clock) : parseDate("from", from);
        LocalDate end = to == null ? start.plusMonths(1).minusDays(1) : parseDate("to", to);
        if (end.isBefore(start)) {
            throw new DomainRuleViolation("CALENDAR_RANGE_REVERSED",
                    "終了日（" + end + "）が開始日（" + start + "）より前です。");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_CALENDAR_DAYS) {
            throw new DomainRuleViolation("CALENDAR_RANGE_TOO_LONG",
                    "期間が長すぎます。一度に照会できるのは" + MAX_CALENDAR_DAYS + "日までです。");
        }
        return new CalendarView(municipality.code().value(),
                calendar.days(start, end).stream().map(CalendarView.Day::of).toList());
    }

    private static LocalDate parseDate(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("INVALID_DATE",
                    "日付 " + name + "=「" + value + "」は正しくありません。YYYY-MM-DD 形式の実在する日付を指定してください。");
        }
    }
}
