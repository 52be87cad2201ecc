package jp.jukiflow.municipality.internal;

import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.Procedure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「窓口の受付可否の確認」 ({@code Task_CheckCounter}, element template jukiflow.counterCheck) of every process filed at the
 * counter (card-continuation, transfer-in-with-card), one delegate for all: the {@link CounterGuard} for the task's input
 * {@value #PROCEDURE} ({@code CARD_CONTINUATION}, {@code TRANSFER_IN_WITH_CARD}, …) at the start's {@value #OFFICE_ID}
 * (blank: the main office) of the instance's municipality. The task runs in the start's transaction before the first
 * wait state, so a refusal rolls the start back and the clerk reads the Japanese reason where they started (Tasklist,
 * the engine REST API answers 400); no instance, history or case figure is left.
 *
 * <p>In an instance called by another process there is nothing to check: the resident filed at the counter the
 * caller checked, and the call may run later in a job, where a refusal could only become an incident.
 */
@Component("checkCounter")
class CheckCounter implements JavaDelegate {

    static final String PROCEDURE = "counterProcedure";
    static final String OFFICE_ID = "officeId";

    private final CounterGuard guard;

    CheckCounter(CounterGuard guard) {
        this.guard = guard;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getProcessInstance().getSuperExecution() != null) {
            return;
        }
        Object office = execution.getVariable(OFFICE_ID);
        guard.check(execution.getTenantId(), office == null ? null : office.toString(),
                Procedure.valueOf((String) execution.getVariableLocal(PROCEDURE)));
    }
}
