package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The wait for the origin's 転出証明書情報. Bound in BPMN:
 * <ul>
 *   <li>{@code ${transferInCertificateWait.counted(execution)}} when the wait's timer has fired (as the gateway that
 *       compares the count starts): one more wait;</li>
 *   <li>{@code ${transferInCertificateWait.overdue(execution)}} when 「転出証明書情報の未着確認」 starts: the summary the
 *       clerk reads (origin, receipt number, since when and how long the process waited);</li>
 *   <li>{@code ${transferInCertificateWait.decided(execution)}} when the clerk answers: REQUEST_AGAIN starts the count
 *       again and asks the origin once more, SWITCH gives the resident the reason of the ordinary transfer-in.</li>
 * </ul>
 */
@Component("transferInCertificateWait")
public class TransferInCertificateWait {

    static final String REQUEST_AGAIN = "REQUEST_AGAIN";
    static final String SWITCH = "SWITCH";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm");

    private final TransferInTiming timing;

    TransferInCertificateWait(TransferInTiming timing) {
        this.timing = timing;
    }

    public void counted(DelegateExecution execution) {
        Object waits = execution.getVariable(CERTIFICATE_WAITS);
        execution.setVariable(CERTIFICATE_WAITS, waits == null ? 1 : ((Number) waits).intValue() + 1);
    }

    public void overdue(DelegateExecution execution) {
        int waits = number(execution, CERTIFICATE_WAITS);
        Duration each = Duration.parse(timing.certificateWait());
        String origin = TransferInStart.text(execution, ORIGIN_NAME);
        String receipt = TransferInStart.text(execution, ORIGIN_RECEIPT_NUMBER);
        String resident = TransferInStart.text(execution, RESIDENT_CODE);
        String first = TransferInStart.text(execution, CERTIFICATE_FIRST_REQUESTED_AT);
        execution.setVariable(CERTIFICATE_WAIT_SUMMARY, String.join("\n",
                "転出元: " + (origin == null ? "不明" : origin + "（団体コード " + execution.getVariable(ORIGIN_CODE) + "）"),
                "受付番号: " + (receipt == null ? "なし（住民票コード " + resident + " で請求）" : receipt),
                "最初の請求: " + (first == null ? "不明"
                        : WHEN.format(Instant.parse(first).atZone(BusinessCalendar.ZONE))) + "（請求 "
                        + number(execution, CERTIFICATE_REQUESTS) + " 回）",
                "待った時間: " + japanese(each.multipliedBy(waits)) + "（" + japanese(each) + " × " + waits + " 回）"));
    }

    public void decided(DelegateExecution execution) {
        if (REQUEST_AGAIN.equals(execution.getVariable(MISSING_CERTIFICATE_DECISION))) {
            execution.setVariable(CERTIFICATE_WAITS, 0);
            execution.setVariable(CERTIFICATE_REQUESTED, false);
            return;
        }
        Object origin = execution.getVariable(ORIGIN_NAME);
        execution.setVariable(ROUTE_REASON, "転出元（" + (origin == null ? "転出元の市区町村" : origin)
                + "）から転出証明書情報が届かないため、特例転入の手続きを進めることができません。"
                + "転出元の市区町村で紙の転出証明書の交付を受け、転出証明書による転入届をしてください。");
    }

    private static int number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** e.g. 3時間, 1日2時間, 30分. */
    static String japanese(Duration d) {
        StringBuilder text = new StringBuilder();
        if (d.toDays() > 0) {
            text.append(d.toDays()).append("日");
        }
        if (d.toHoursPart() > 0) {
            text.append(d.toHoursPart()).append("時間");
        }
        if (d.toMinutesPart() > 0 || text.isEmpty()) {
            text.append(d.toMinutesPart()).append("分");
        }
        return text.toString();
    }
}
