package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

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
 * {@code delegateExpression="${pinResetStart}"}, so that the clerk reads the message itself, not an engine wrapper).
 * Refuses the start with a Japanese message for the clerk when the counter is closed or does not accept the reset
 * ({@link CounterGuard}), the card is unknown, out of this municipality's reach
 * ({@link CardJurisdiction}: the managing municipality or the holder's new one after a special transfer-in), or not
 * usable ({@link CardUsability} for {@code PIN_RESET}: 一時停止 — lift it first —, 廃止, 失効, 返納, 期限切れ; a locked
 * PIN is what the reset is for).
 */
@Component("pinResetStart")
public class PinResetStart implements ExecutionListener {

    private final CardRegistry cards;
    private final MunicipalityDirectory municipalities;
    private final CounterGuard counters;
    private final CardJurisdiction jurisdiction;
    private final BusinessCalendar calendar;

    PinResetStart(CardRegistry cards, MunicipalityDirectory municipalities, CounterGuard counters,
                  CardJurisdiction jurisdiction, BusinessCalendar calendar) {
        this.counters = counters;
        this.jurisdiction = jurisdiction;
        this.calendar = calendar;
        this.cards = cards;
        this.municipalities = municipalities;
    }

    @Override
    public void notify(DelegateExecution execution) {
        counters.check(execution.getTenantId(), text(execution, OFFICE_ID), Procedure.PIN_RESET);
        String number = text(execution, CARD_NUMBER);
        if (number == null) {
            throw new DomainRuleViolation("CARD_NUMBER_REQUIRED", "カード番号を入力してください。");
        }
        String visitor = text(execution, VISITOR);
        if (!VISITOR_HOLDER.equals(visitor) && !VISITOR_AGENT.equals(visitor)) {
            throw new DomainRuleViolation("VISITOR_REQUIRED", "来庁したのが本人か代理人かを選んでください。");
        }
        if (text(execution, ID_DOCUMENT) == null) {
            throw new DomainRuleViolation("ID_DOCUMENT_REQUIRED", "確認した本人確認書類の種類を選んでください。");
        }
        Card card = cards.find(number).orElseThrow(() -> new DomainRuleViolation("CARD_NOT_FOUND",
                "カード番号 " + number + " のカードは登録されていません。カードの券面の番号を確認してください。"));
        String tenant = execution.getTenantId();
        if (!jurisdiction.mayAct(card, CardJurisdiction.Act.PIN_RESET, tenant)) {
            throw new DomainRuleViolation("CARD_MANAGED_ELSEWHERE", "このカードは"
                    + municipalities.labelOf(card.managingMunicipalityCode())
                    + "が管理しています。暗証番号の再設定は、カードを管理する市区町村か、所持者の住所地の市区町村の窓口で行えます。");
        }
        CardUsability.requireUsable(card, PinPurpose.PIN_RESET, calendar.today());
        execution.setVariable(CARD_NUMBER, number);
        execution.setVariable(VISITOR, visitor);
        execution.setVariable(RESIDENT_CODE, card.holderResidentCode());
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
