package jp.jukiflow.pinreset.internal;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the clerk completes 「回答書の受付」: the 回答書's arrival is kept with the 照会書. */
@Component("pinResetAnswer")
public class PinResetAnswer {

    private final InquiryStore store;
    private final Clock clock;

    PinResetAnswer(InquiryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void received(DelegateExecution execution) {
        store.answerReceived(execution.getProcessInstanceId(), Instant.now(clock));
    }
}
