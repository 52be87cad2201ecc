package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the 転出証明書情報 to the destination over Juki-net (法24条の2③), correlated by the receipt number. Runs after
 * an async boundary with retries: an unreachable destination ends as an incident, never as a lost case.
 */
@Component("sendMoveOutCertificateInfo")
class SendMoveOutCertificateInfo implements JavaDelegate {

    private final JukinetGateway jukinet;
    private final CaseContext context;

    SendMoveOutCertificateInfo(JukinetGateway jukinet, CaseContext context) {
        this.jukinet = jukinet;
        this.context = context;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TransferOutRequest request = context.request(execution);
        String[] codes = ((String) execution.getVariable(MATCHED_RESIDENT_CODES)).split(",");
        List<MoveOutCertificateInfo.Mover> movers = new ArrayList<>();
        for (int i = 0; i < request.movers().size() && i < codes.length; i++) {
            TransferOutRequest.Mover m = request.movers().get(i);
            movers.add(new MoveOutCertificateInfo.Mover(codes[i], m.name(), m.nameKana(), m.birthDate(), m.sex().name(),
                    m.relationship()));
        }
        String receiptNumber = context.receiptNumber(execution);
        MoveOutCertificateInfo info = new MoveOutCertificateInfo(receiptNumber, execution.getTenantId(),
                request.destinationCode().value(), request.plannedMoveOutDate(), request.movedOn(), request.newAddress(),
                request.newHeadOfHousehold(), movers, (String) execution.getVariable(CARD_HOLDER_RESIDENT_CODE),
                request.cardType().name(), request.continuedUse(),
                LocalDate.parse((String) execution.getVariable(LAST_DAY_FOR_TRANSFER_IN)));
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, execution.getTenantId(), info.destinationCode(),
                receiptNumber, info);
    }
}
