package jp.jukiflow.suspension.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 廃止: the card is abolished for good (its certificates are revoked through {@code CardStatusChanged}). */
@Component("abolishSuspendedCard")
class AbolishSuspendedCard implements JavaDelegate {

    private final CloseSuspension close;

    AbolishSuspendedCard(CloseSuspension close) {
        this.close = close;
    }

    @Override
    public void execute(DelegateExecution execution) {
        close.abolish(execution);
    }
}
