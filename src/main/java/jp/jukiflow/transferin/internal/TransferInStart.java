package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.EMAIL;

import java.util.regex.Pattern;

import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The start form as filed at the counter, bound as {@code ${transferInStart.accepted(execution)}} when the start event
 * ends: the optional mail address is kept stripped (blank becomes {@code null}, so the mail gateways can ask for it),
 * and an address that cannot be one refuses the start with a Japanese message for the clerk.
 */
@Component("transferInStart")
public class TransferInStart {

    static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL_LENGTH = 254;

    public void accepted(DelegateExecution execution) {
        String email = text(execution, EMAIL);
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL_FORMAT.matcher(email).matches())) {
            throw new DomainRuleViolation("INVALID_EMAIL", "メールアドレス「" + email + "」の形式が正しくありません。"
                    + "「name@example.jp」の形で入力するか、メールを希望されない場合は空欄にしてください。");
        }
        execution.setVariable(EMAIL, email);
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
