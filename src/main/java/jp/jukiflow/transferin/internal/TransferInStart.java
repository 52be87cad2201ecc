package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.EMAIL;
import static jp.jukiflow.transferin.internal.TransferInVariables.MOVED_IN_DATE;
import static jp.jukiflow.transferin.internal.TransferInVariables.TRANSFER_IN_FILED_ON;

import java.time.LocalDate;
import java.util.regex.Pattern;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.TransferInFiling;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The start form as filed at the counter, bound as {@code ${transferInStart.accepted(execution)}} when the start event
 * ends: the optional mail address is kept stripped (blank becomes {@code null}, so the mail gateways can ask for it),
 * and an address that cannot be one refuses the start with a Japanese message for the clerk. The day the 転入届 is
 * received ({@code transferInFiledOn}: the clerk's date if the form gives one, never after today, else today) is fixed
 * here and kept in the case: every later check judges the transfer-in on it ({@link #filing}); a move-in date after it
 * refuses the start ({@link TransferInFiling}).
 */
@Component("transferInStart")
public class TransferInStart {

    static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL_LENGTH = 254;

    private final BusinessCalendar calendar;

    TransferInStart(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public void accepted(DelegateExecution execution) {
        String email = text(execution, EMAIL);
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL_FORMAT.matcher(email).matches())) {
            throw new DomainRuleViolation("INVALID_EMAIL", "メールアドレス「" + email + "」の形式が正しくありません。"
                    + "「name@example.jp」の形で入力するか、メールを希望されない場合は空欄にしてください。");
        }
        execution.setVariable(EMAIL, email);
        TransferInFiling filing = TransferInFiling.read(text(execution, MOVED_IN_DATE),
                text(execution, TRANSFER_IN_FILED_ON), calendar.today());
        execution.setVariable(MOVED_IN_DATE, filing.movedIn().toString());
        execution.setVariable(TRANSFER_IN_FILED_ON, filing.filedOn().toString());
    }

    /** The dates of the case's 転入届; a case started before the filing day was kept is judged on today. */
    static TransferInFiling filing(DelegateExecution execution, BusinessCalendar calendar) {
        String filedOn = text(execution, TRANSFER_IN_FILED_ON);
        return new TransferInFiling(LocalDate.parse(text(execution, MOVED_IN_DATE)),
                filedOn == null ? calendar.today() : LocalDate.parse(filedOn));
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
