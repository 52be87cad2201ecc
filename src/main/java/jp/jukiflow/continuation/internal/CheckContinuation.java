package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import java.time.LocalDate;
import java.util.Optional;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.TransferInFiling;
import jp.jukiflow.shared.ResourceNotFound;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts the decision {@code card-continuation-eligibility} needs besides the PIN: the card's state, whether
 * this municipality recorded the card on a special transfer-in still awaiting continuation, else whether the form gave
 * an ordinary 転入届 ({@link OrdinaryTransferIn}) and whether it was filed within 14 days of the move-in (法22条),
 * whether today is within 90 days of the day that 転入届 was received (closed last day rolled), the free lines of the
 * 追記欄, and the 国外転出 flag of the form.
 */
@Component("checkContinuation")
class CheckContinuation implements JavaDelegate {

    private final CardRegistry cards;
    private final CardContinuations continuations;
    private final BusinessCalendar calendar;

    CheckContinuation(CardRegistry cards, CardContinuations continuations, BusinessCalendar calendar) {
        this.cards = cards;
        this.continuations = continuations;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = calendar.today();
        String number = ((String) execution.getVariable(CARD_NUMBER)).strip();
        Card card = cards.find(number).orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND",
                "カード番号「" + number + "」のカードは登録されていません。"));
        Optional<CardContinuation> pending = continuations.pending(number)
                .filter(p -> p.destinationCode().equals(execution.getTenantId()));
        Object residentCode = execution.getVariable(RESIDENT_CODE);
        if (residentCode == null || residentCode.toString().isBlank()) {
            execution.setVariable(RESIDENT_CODE, card.holderResidentCode());
        }
        execution.setVariable(ABROAD, Boolean.TRUE.equals(execution.getVariable(ABROAD)));
        String state = cardState(card, today);
        execution.setVariable(CARD_STATE, state);
        execution.setVariable(CARD_STATE_LABEL, CardCheckLabels.cardState(state));
        execution.setVariable(SPECIAL_TRANSFER_IN, pending.isPresent());
        execution.setVariable(FREE_LINES, card.freeEndorsementLines());
        if (pending.isPresent()) {
            // the special transfer-in was judged in time; its record counts the 90 days from its 転入届
            execution.setVariable(ORDINARY_TRANSFER_IN, false);
            execution.setVariable(TRANSFER_IN_TIMELY, true);
            execution.setVariable(WITHIN_NINETY_DAYS, pending.get().openOn(today));
            execution.setVariable(TRANSFER_IN_DATE, pending.get().transferInDate().toString());
            execution.setVariable(LAST_DAY_FOR_CONTINUATION, pending.get().lastDay().toString());
            return;
        }
        Optional<TransferInFiling> ordinary = OrdinaryTransferIn.of(execution);
        execution.setVariable(ORDINARY_TRANSFER_IN, ordinary.isPresent());
        // without a 転入届 the decision answers "no transfer-in", not "late" or "too late"
        execution.setVariable(TRANSFER_IN_TIMELY, ordinary.map(f -> f.timely(calendar)).orElse(true));
        execution.setVariable(LAST_DAY_FOR_TRANSFER_IN, ordinary.map(f -> f.lastDay(calendar).toString()).orElse(null));
        LocalDate lastDay = ordinary.map(f -> f.continuationLastDay(calendar)).orElse(null);
        execution.setVariable(WITHIN_NINETY_DAYS, lastDay == null || !today.isAfter(lastDay));
        execution.setVariable(TRANSFER_IN_DATE, ordinary.map(f -> f.filedOn().toString()).orElse(null));
        execution.setVariable(LAST_DAY_FOR_CONTINUATION, lastDay == null ? null : lastDay.toString());
    }

    private String cardState(Card card, LocalDate today) {
        return CardUsability.check(card, PinPurpose.CARD_CONTINUATION, today).state();
    }
}
