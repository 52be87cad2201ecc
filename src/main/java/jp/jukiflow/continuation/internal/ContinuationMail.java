package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.RESIDENT_EMAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Whether the resident gave a mail address: {@code ${continuationMail.known(execution)}}. */
@Component("continuationMail")
public class ContinuationMail {

    public boolean known(DelegateExecution execution) {
        Object address = execution.getVariable(RESIDENT_EMAIL);
        return address != null && !address.toString().isBlank();
    }
}
