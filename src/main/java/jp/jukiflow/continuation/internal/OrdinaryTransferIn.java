package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.MOVED_IN_DATE;
import static jp.jukiflow.continuation.ContinuationVariables.TRANSFER_IN_FILED_ON;

import java.time.LocalDate;
import java.util.Optional;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.TransferInFiling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ordinary 転入 (with a paper 転出証明書) a continuation may follow (docs/domain.md §3, corrected): the clerk gives the day
 * its 転入届 was received and the move-in date in the start form. Bound as
 * {@code ${ordinaryTransferIn.accepted(execution)}} when the start event ends: the dates are checked
 * ({@link TransferInFiling}: a filing day after today or a move-in after the filing day refuses the start with a
 * Japanese message, no case kept) and kept as YYYY-MM-DD. Without either date nothing is checked (a special transfer-in,
 * or a call from one).
 */
@Component("ordinaryTransferIn")
public class OrdinaryTransferIn {

    private final BusinessCalendar calendar;

    OrdinaryTransferIn(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public void accepted(DelegateExecution execution) {
        String filedOn = text(execution, TRANSFER_IN_FILED_ON);
        String movedIn = text(execution, MOVED_IN_DATE);
        if (filedOn == null && movedIn == null) {
            return;
        }
        TransferInFiling filing = TransferInFiling.read(movedIn, filedOn, calendar.today());
        execution.setVariable(TRANSFER_IN_FILED_ON, filing.filedOn().toString());
        execution.setVariable(MOVED_IN_DATE, filing.movedIn().toString());
    }

    /** The ordinary 転入届 the start form gave, as {@link #accepted} kept it. */
    static Optional<TransferInFiling> of(DelegateExecution execution) {
        String filedOn = text(execution, TRANSFER_IN_FILED_ON);
        String movedIn = text(execution, MOVED_IN_DATE);
        return filedOn == null || movedIn == null ? Optional.empty()
                : Optional.of(new TransferInFiling(LocalDate.parse(movedIn), LocalDate.parse(filedOn)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
