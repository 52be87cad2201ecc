package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.MATCHED_RESIDENT_CODES;

import java.util.Arrays;
import java.util.List;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCancellation;
import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 転出取消の通知: tells the destination over Juki-net that the transfer-out whose 転出証明書情報 it received was cancelled
 * (DOMAIN.md §10), correlated by the receipt number; the destination drops its expected move-in. Runs after an async
 * boundary with retries (an unreachable destination ends as an incident); the destination handles a repeat once.
 */
@Component("sendMoveOutCancellation")
class SendMoveOutCancellation implements JavaDelegate {

    private final JukinetGateway jukinet;
    private final CaseContext context;
    private final BusinessCalendar calendar;

    SendMoveOutCancellation(JukinetGateway jukinet, CaseContext context, BusinessCalendar calendar) {
        this.jukinet = jukinet;
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
        jukinet.send(MessageType.MOVE_OUT_CANCELLATION, execution.getTenantId(), destination, receiptNumber,
                cancellation);
    }
}
