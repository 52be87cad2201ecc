package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.DESTINATION_CODE;
import static jp.jukiflow.transferout.internal.TransferOutVariables.MATCHED_RESIDENT_CODES;
import static jp.jukiflow.transferout.internal.TransferOutVariables.MESSAGE_CERTIFICATE_REQUESTED;
import static jp.jukiflow.transferout.internal.TransferOutVariables.RECEIPT_NUMBER;

import java.util.Arrays;
import java.util.List;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the origin: the destination asks for the 転出証明書情報 of a resident at its counter. The case waiting for that
 * move-in (by the receipt number, else by the 住民票コード among the cases waiting for a move-in to that destination)
 * gets the BPMN message 「転出証明書情報の請求を受信」; its own retried job sends the stored certificate again, so
 * nothing is sent inside the incoming request. When no case waits (unknown number, not yet accepted, already closed)
 * the request is logged as unanswerable and accepted as received: the destination keeps waiting and its clerk decides.
 */
@Component
class MoveOutCertificateRequestHandler implements JukinetMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MoveOutCertificateRequestHandler.class);

    private final RuntimeService runtimeService;

    MoveOutCertificateRequestHandler(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE_OUT_CERTIFICATE_REQUEST;
    }

    @Override
    public void handle(Envelope envelope) {
        MoveOutCertificateRequest request = envelope.payloadAs(MoveOutCertificateRequest.class);
        if (!request.originCode().equals(envelope.to()) || !request.destinationCode().equals(envelope.from())) {
            throw new JukinetDeliveryException("JUKINET_ADDRESS_MISMATCH",
                    "転出証明書情報の請求の転出元・転出先（" + request.originCode() + " → " + request.destinationCode()
                            + "）が宛先・送信元（" + envelope.to() + " ← " + envelope.from() + "）と一致しないため、受け付けません。");
        }
        List<String> waiting = waitingCases(request);
        if (waiting.isEmpty()) {
            log.warn("Juki-net id={}: certificate request from {} cannot be answered: no case of {} waits for that "
                    + "move-in (by receipt number: {}, by resident code: {})", envelope.messageId(),
                    request.destinationCode(), request.originCode(), request.originReceiptNumber() != null,
                    request.residentCode() != null);
            return;
        }
        for (String processInstanceId : waiting) {
            runtimeService.createMessageCorrelation(MESSAGE_CERTIFICATE_REQUESTED)
                    .processInstanceId(processInstanceId)
                    .correlate();
            log.info("Juki-net id={}: certificate request from {} passed to case {}", envelope.messageId(),
                    request.destinationCode(), runtimeService.getVariable(processInstanceId, RECEIPT_NUMBER));
        }
    }

    /** The process instances waiting for the move-in to the requesting destination that the request names. */
    private List<String> waitingCases(MoveOutCertificateRequest request) {
        List<Execution> waiting = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_CERTIFICATE_REQUESTED)
                .tenantIdIn(request.originCode())
                .processVariableValueEquals(DESTINATION_CODE, request.destinationCode())
                .list();
        List<String> instances = waiting.stream().map(Execution::getProcessInstanceId).distinct().toList();
        if (request.originReceiptNumber() != null) {
            List<String> byReceipt = instances.stream()
                    .filter(id -> request.originReceiptNumber().equals(runtimeService.getVariable(id, RECEIPT_NUMBER)))
                    .toList();
            if (!byReceipt.isEmpty() || request.residentCode() == null) {
                return byReceipt;
            }
        }
        return instances.stream()
                .filter(id -> {
                    Object codes = runtimeService.getVariable(id, MATCHED_RESIDENT_CODES);
                    return codes != null && Arrays.asList(codes.toString().split(",")).contains(request.residentCode());
                })
                .toList();
    }
}
