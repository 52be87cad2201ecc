package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「転出証明書情報の請求（住基ネット）」: asks the origin for the 転出証明書情報 that has not arrived, by the receipt
 * number or else the 住民票コード (the check made sure one of them and the origin are known). Correlated by the receipt
 * number, else by this process instance. Runs after an async boundary with retries.
 */
@Component("requestMoveOutCertificate")
class RequestMoveOutCertificate implements JavaDelegate {

    private final JukinetGateway jukinet;
    private final Clock clock;

    RequestMoveOutCertificate(JukinetGateway jukinet, Clock clock) {
        this.jukinet = jukinet;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String origin = TransferInStart.text(execution, ORIGIN_CODE);
        String receipt = TransferInStart.text(execution, ORIGIN_RECEIPT_NUMBER);
        Instant now = Instant.now(clock);
        MoveOutCertificateRequest request = new MoveOutCertificateRequest(origin, execution.getTenantId(), receipt,
                TransferInStart.text(execution, RESIDENT_CODE), now);
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, execution.getTenantId(), origin,
                receipt != null ? receipt : "transfer-in:" + execution.getProcessInstanceId(), request);
        Object requests = execution.getVariable(CERTIFICATE_REQUESTS);
        execution.setVariable(CERTIFICATE_REQUESTS, requests == null ? 1 : ((Number) requests).intValue() + 1);
        if (execution.getVariable(CERTIFICATE_FIRST_REQUESTED_AT) == null) {
            execution.setVariable(CERTIFICATE_FIRST_REQUESTED_AT, now.toString());
        }
        execution.setVariable(CERTIFICATE_REQUESTED, true);
    }
}
