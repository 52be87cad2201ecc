package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.LAST_DAY_FOR_TRANSFER_IN;
import static jp.jukiflow.transferout.internal.TransferOutVariables.PROCESS_KEY;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.cases.CounterVisit;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a resident whose mailed special transfer-out was accepted must do next, for the status page and API: the
 * special transfer-in (特例転入) at the destination's counter, its last day (the process variable
 * {@code lastDayForTransferIn} of the case, the day the acceptance mail names) and what to bring. The wording is the
 * mail's own: the keys {@code specialTransferIn.*} of {@code messages.properties}, which the mail template
 * {@code transfer-out-accepted-special.txt} uses too.
 */
@Component
class SpecialTransferInGuide {

    static final String KEY = "specialTransferIn.";
    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日（E）", Locale.JAPANESE);

    private final RuntimeService runtime;
    private final MessageSource messages;
    private final MunicipalityDirectory municipalities;
    private final Clock clock;

    SpecialTransferInGuide(RuntimeService runtime, MessageSource messages, MunicipalityDirectory municipalities,
                           Clock clock) {
        this.runtime = runtime;
        this.messages = messages;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The visit for a case waiting for the 転入通知, if its process knows the last day. */
    Optional<CounterVisit> forCase(CaseStatus c) {
        return lastDay(c).map(lastDay -> visit(lastDay, municipalities.find(LocalGovernmentCode.of(c.municipalityCode()))
                .map(Municipality::name).orElse("届出先の市区町村")));
    }

    CounterVisit visit(LocalDate lastDay, String originName) {
        LocalDate today = LocalDate.now(clock.withZone(TransferOutCases.JAPAN));
        return new CounterVisit(text("title"), text("where", "市区町村"), lastDay, JAPANESE_DATE.format(lastDay),
                today.isAfter(lastDay), text("lastDayNote"),
                List.of(text("bring.card"), text("bring.pin"), text("bring.movers")),
                List.of(text("together"), text("fallback") + text("fallbackContact", originName)));
    }

    /** The variable of the running case (business key = receipt number, tenant = the origin). */
    private Optional<LocalDate> lastDay(CaseStatus c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(c.receiptNumber()).tenantIdIn(c.municipalityCode()).list().stream()
                .map(ProcessInstance::getId)
                .map(id -> runtime.getVariable(id, LAST_DAY_FOR_TRANSFER_IN))
                .filter(Objects::nonNull)
                .map(value -> parse(value.toString()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<LocalDate> parse(String isoDate) {
        try {
            return Optional.of(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(KEY + key, args, Locale.JAPAN);
    }
}
