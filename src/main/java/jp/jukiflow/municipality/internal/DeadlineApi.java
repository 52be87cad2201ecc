package jp.jukiflow.municipality.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MoveDeadlines;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public API: the last day for the special transfer-in and for card continuation, on the municipality's calendar. */
@RestController
@Tag(name = "期限", description = "特例転入・継続利用の期限の計算")
class DeadlineApi {

    private final MunicipalityDirectory municipalities;
    private final MoveDeadlines deadlines;

    DeadlineApi(MunicipalityDirectory municipalities, BusinessCalendar calendar) {
        this.municipalities = municipalities;
        this.deadlines = new MoveDeadlines(calendar);
    }

    @GetMapping(path = "/api/v1/municipalities/{code}/deadlines", produces = "application/json")
    @Operation(summary = "手続の期限",
            description = "procedure=special-transfer-in（plannedMoveOutDate, movedInDate）または card-continuation（transferInDate）")
    DeadlineView deadline(@PathVariable @Parameter(example = "012025") String code,
                          @RequestParam(required = false) String procedure,
                          @RequestParam(required = false) String plannedMoveOutDate,
                          @RequestParam(required = false) String movedInDate,
                          @RequestParam(required = false) String transferInDate) {
        municipalities.require(LocalGovernmentCode.of(code));
        MoveDeadlines.Deadline d;
        if ("special-transfer-in".equals(procedure)) {
            d = deadlines.specialTransferIn(date("plannedMoveOutDate", plannedMoveOutDate, true),
                    date("movedInDate", movedInDate, false));
        } else if ("card-continuation".equals(procedure)) {
            d = deadlines.cardContinuation(date("transferInDate", transferInDate, true));
        } else {
            throw new DomainRuleViolation("UNKNOWN_PROCEDURE",
                    "procedure には special-transfer-in（特例転入）か card-continuation（継続利用）を指定してください。");
        }
        return new DeadlineView(procedure, d.lastDay(), d.basis());
    }

    private static LocalDate date(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainRuleViolation("MISSING_PARAMETER", "パラメーター「" + name + "」（YYYY-MM-DD）を指定してください。");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("INVALID_DATE",
                    "日付 " + name + "=「" + value + "」は正しくありません。YYYY-MM-DD 形式の実在する日付を指定してください。");
        }
    }

    record DeadlineView(String procedure, LocalDate lastDay, String basis) {
    }
}
