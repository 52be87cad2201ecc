package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;

import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finds the movers in the register and checks window and card; the decision table then picks the route. */
@Component("checkTransferOutRequest")
class CheckTransferOutRequest implements JavaDelegate {

    private final CaseContext context;
    private final TransferOutCheck check;
    private final BusinessCalendar calendar;

    CheckTransferOutRequest(CaseContext context, TransferOutCheck check, BusinessCalendar calendar) {
        this.context = context;
        this.check = check;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate arrivedOn = LocalDate.parse((String) execution.getVariable(ARRIVED_ON));
        TransferOutCheck.Facts facts = check.check(execution.getTenantId(), context.request(execution), arrivedOn);
        execution.setVariable(REGISTER_MATCH, facts.registerMatch());
        execution.setVariable(REGISTER_MATCH_SUMMARY, facts.matchSummary());
        execution.setVariable(MATCHED_RESIDENT_CODES, String.join(",", facts.matchedResidentCodes()));
        execution.setVariable(CARD_HOLDER_RESIDENT_CODE, facts.cardHolderResidentCode());
        execution.setVariable(ARRIVAL_WINDOW, facts.arrivalWindow());
        execution.setVariable(CARD_STATE, facts.cardState());
        execution.setVariable(CARD_STATE_LABEL, CardCheckLabels.cardState(facts.cardState()));
        execution.setVariable(ABROAD, facts.abroad());
        execution.setVariable(LAST_DAY_FOR_TRANSFER_IN, facts.lastDayForTransferIn().toString());
        execution.setVariable(TRANSFER_IN_DEADLINE, facts.lastDayForTransferIn().toString());
    }
}
