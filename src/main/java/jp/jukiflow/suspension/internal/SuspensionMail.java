package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.RESIDENT_EMAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Whether the reporter gave a mail address: {@code ${suspensionMail.known(execution)}}. */
@Component("suspensionMail")
public class SuspensionMail {

    public boolean known(DelegateExecution execution) {
        Object address = execution.getVariable(RESIDENT_EMAIL);
        return address != null && !address.toString().isBlank();
    }
}
