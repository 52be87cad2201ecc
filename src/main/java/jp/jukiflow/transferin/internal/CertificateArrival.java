package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.util.List;

import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.jukinet.MoveOutCertificateInfoReceived;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A 転出証明書情報 was received at a destination: each special transfer-in of that municipality waiting for it (the
 * same receipt number, or, when the counter had none, the same origin and a mover with the filer's 住民票コード) gets
 * the BPMN message 「転出証明書情報の到着」 and looks again. Runs in the receiving transaction; the woken process goes
 * on in a job of its own (asyncAfter on the catch event).
 */
@Component
class CertificateArrival {

    private static final Logger log = LoggerFactory.getLogger(CertificateArrival.class);

    private final RuntimeService runtimeService;

    CertificateArrival(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void arrived(MoveOutCertificateInfoReceived event) {
        MoveOutCertificateInfo certificate = event.certificate();
        List<String> waiting = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_CERTIFICATE_ARRIVED)
                .tenantIdIn(certificate.destinationCode())
                .list().stream().map(Execution::getProcessInstanceId).distinct()
                .filter(id -> waitsFor(id, certificate))
                .toList();
        for (String processInstanceId : waiting) {
            runtimeService.createMessageCorrelation(MESSAGE_CERTIFICATE_ARRIVED)
                    .processInstanceId(processInstanceId)
                    .correlate();
            log.info("Certificate {} (message {}) wakes the transfer-in {}", certificate.receiptNumber(),
                    event.messageId(), processInstanceId);
        }
    }

    private boolean waitsFor(String processInstanceId, MoveOutCertificateInfo certificate) {
        Object receipt = runtimeService.getVariable(processInstanceId, ORIGIN_RECEIPT_NUMBER);
        if (receipt != null && !receipt.toString().isBlank()) {
            return receipt.toString().strip().equals(certificate.receiptNumber());
        }
        Object origin = runtimeService.getVariable(processInstanceId, ORIGIN_CODE);
        Object resident = runtimeService.getVariable(processInstanceId, RESIDENT_CODE);
        return origin != null && resident != null && certificate.originCode().equals(origin.toString().strip())
                && certificate.movers().stream().anyMatch(m -> m.residentCode().equals(resident.toString().strip()));
    }
}
