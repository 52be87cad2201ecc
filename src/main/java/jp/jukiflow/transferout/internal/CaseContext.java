package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.RECEIPT_NUMBER;

import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reads the case behind a process instance: its receipt number and stored request. */
@Component
class CaseContext {

    private final TransferOutCaseStore store;

    CaseContext(TransferOutCaseStore store) {
        this.store = store;
    }

    String receiptNumber(DelegateExecution execution) {
        return (String) execution.getVariable(RECEIPT_NUMBER);
    }

    TransferOutRequest request(DelegateExecution execution) {
        String receiptNumber = receiptNumber(execution);
        return store.request(receiptNumber)
                .orElseThrow(() -> new IllegalStateException("No stored request for case " + receiptNumber));
    }
}
