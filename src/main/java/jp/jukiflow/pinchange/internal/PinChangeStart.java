package jp.jukiflow.pinchange.internal;

import static jp.jukiflow.pinchange.PinChangeVariables.*;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start form as filed at the counter, checked when the start event ends (an execution listener bound as
 * {@code delegateExpression="${pinChangeStart}"}, so that the clerk reads the message itself). Refuses the start with a
 * Japanese message and a stable code, nothing stored, when the counter is closed or does not accept the change
 * ({@link CounterGuard}), the card number or the identity document is missing, the card is unknown, managed by another
 * municipality ({@link CardJurisdiction}) or not usable for {@code PIN_CHANGE} ({@link CardUsability}: 一時停止, 廃止,
 * 失効, 返納, 期限切れ, and a locked PIN — {@code PIN_LOCKED}, pointed to 「暗証番号の再設定」).
 */
@Component("pinChangeStart")
public class PinChangeStart implements ExecutionListener {

    private final CardRegistry cards;
    private final MunicipalityDirectory municipalities;
    private final CounterGuard counters;
    private final CardJurisdiction jurisdiction;
    private final BusinessCalendar calendar;

    PinChangeStart(CardRegistry cards, MunicipalityDirectory municipalities, CounterGuard counters,
                   CardJurisdiction jurisdiction, BusinessCalendar calendar) {
        this.cards = cards;
        this.municipalities = municipalities;
        this.counters = counters;
        this.jurisdiction = jurisdiction;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        counters.check(execution.getTenantId(), text(execution, OFFICE_ID), Procedure.PIN_CHANGE);
        String number = text(execution, CARD_NUMBER);
        if (number == null) {
            throw new DomainRuleViolation("CARD_NUMBER_REQUIRED", "カード番号を入力してください。");
        }
        if (text(execution, ID_DOCUMENT) == null) {
            throw new DomainRuleViolation("ID_DOCUMENT_REQUIRED", "確認した本人確認書類の種類を選んでください。");
        }
        Card card = cards.find(number).orElseThrow(() -> new DomainRuleViolation("CARD_NOT_FOUND",
                "カード番号 " + number + " のカードは登録されていません。カードの券面の番号を確認してください。"));
        if (!jurisdiction.mayAct(card, CardJurisdiction.Act.PIN_CHANGE, execution.getTenantId())) {
            throw new DomainRuleViolation("CARD_MANAGED_ELSEWHERE", "このカードは"
                    + municipalities.labelOf(card.managingMunicipalityCode())
                    + "が管理しています。暗証番号の変更は、カードを管理する市区町村の窓口で行えます。");
        }
        CardUsability.requireUsable(card, PinPurpose.PIN_CHANGE, calendar.today());
        execution.setVariable(CARD_NUMBER, number);
        execution.setVariable(RESIDENT_CODE, card.holderResidentCode());
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
