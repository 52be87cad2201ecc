package jp.jukiflow.suspension.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 発見・解除: the card becomes ACTIVE again (after the clerk checked card and photo ID at the counter). */
@Component("liftSuspension")
class LiftSuspension implements JavaDelegate {

    private final CloseSuspension close;

    LiftSuspension(CloseSuspension close) {
        this.close = close;
    }

    @Override
    public void execute(DelegateExecution execution) {
        close.lift(execution);
    }
}
