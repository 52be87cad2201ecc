package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.MATCHED_RESIDENT_CODES;

import java.util.Arrays;
import java.util.List;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetProvisions;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCancellation;
import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 転出取消の通知: tells the destination over Juki-net that the transfer-out whose 転出証明書情報 it received was cancelled
 * (docs/domain.md §10), correlated by the receipt number; the destination drops its expected move-in. Runs after an async
 * boundary with retries (an unreachable destination ends as an incident); the destination handles a repeat once. The
 * 住民票コード it carries are a provision of 本人確認情報, recorded per mover ({@link JukinetProvisions}).
 */
@Component("sendMoveOutCancellation")
class SendMoveOutCancellation implements JavaDelegate {

    static final String PROVISION_PURPOSE = "転出取消の通知（転出証明書情報を通知した転出先市区町村へ）";
    static final List<String> PROVISION_ITEMS = List.of("住民票コード", "転出の取消");

    private final JukinetGateway jukinet;
    private final JukinetProvisions provisions;
    private final CaseContext context;
    private final BusinessCalendar calendar;

    SendMoveOutCancellation(JukinetGateway jukinet, JukinetProvisions provisions, CaseContext context,
                            BusinessCalendar calendar) {
        this.jukinet = jukinet;
        this.provisions = provisions;
        this.context = context;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String receiptNumber = context.receiptNumber(execution);
        String destination = context.request(execution).destinationCode().value();
        List<String> movers = Arrays.stream(((String) execution.getVariable(MATCHED_RESIDENT_CODES)).split(","))
                .filter(code -> !code.isBlank()).toList();
        MoveOutCancellation cancellation = new MoveOutCancellation(receiptNumber, execution.getTenantId(), destination,
                calendar.today(), movers);
        Envelope sent = jukinet.send(MessageType.MOVE_OUT_CANCELLATION, execution.getTenantId(), destination,
                receiptNumber, cancellation);
        provisions.recordSent(sent, movers, PROVISION_PURPOSE, PROVISION_ITEMS, receiptNumber);
    }
}
