package jp.jukiflow.transferout.internal;

import jp.jukiflow.cases.CaseRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Moves the resident-facing status of the case; called from BPMN listeners ({@code ${transferOutStatus.set(…)}}). */
@Component("transferOutStatus")
public class TransferOutCaseStatus {

    private final CaseRegistry cases;

    TransferOutCaseStatus(CaseRegistry cases) {
        this.cases = cases;
    }

    public void set(DelegateExecution execution, String status) {
        TransferOutStatus.valueOf(status);
        cases.updateStatus(execution.getProcessBusinessKey(), status);
    }
}
