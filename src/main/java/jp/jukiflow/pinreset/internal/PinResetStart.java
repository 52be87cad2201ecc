package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.municipality.CounterGuard;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start form as filed at the counter, checked when the start event ends (an execution listener bound as
 * {@code delegateExpression="${pinResetStart}"}, so that the clerk reads the message itself, not an engine wrapper). Refuses the start with a Japanese message for the clerk when the counter is closed or does not accept the reset ({@link CounterGuard}), the card is unknown, managed by another
 * municipality (the reset is done only where the card is managed), or no longer usable (廃止, 失効, 返納, 期限切れ).
 */
@Component("pinResetStart")
public class PinResetStart implements ExecutionListener {

    private final CardRegistry cards;
    private final MunicipalityDirectory municipalities;
    private final CounterGuard counters;

    PinResetStart(CardRegistry cards, MunicipalityDirectory municipalities, CounterGuard counters) {
        this.cards = cards;
        this.municipalities = municipalities;
        this.counters = counters;
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
        if (!card.managingMunicipalityCode().equals(tenant)) {
            throw new DomainRuleViolation("CARD_MANAGED_ELSEWHERE", "このカードは" + nameOf(card.managingMunicipalityCode())
                    + "が管理しています。暗証番号の再設定は、カードを管理する市区町村の窓口でのみ行えます。");
        }
        switch (card.status()) {
            case ABOLISHED, LAPSED, RETURNED, EXPIRED -> throw new DomainRuleViolation("CARD_NOT_USABLE",
                    "このカードは「" + card.status().labelJa() + "」のため、暗証番号を再設定できません。"
                            + "カードの交付（再交付）について案内してください。");
            default -> {
            }
        }
        execution.setVariable(CARD_NUMBER, number);
        execution.setVariable(VISITOR, visitor);
        execution.setVariable(RESIDENT_CODE, card.holderResidentCode());
    }

    private String nameOf(String code) {
        try {
            return municipalities.find(LocalGovernmentCode.of(code)).map(Municipality::name)
                    .map(n -> n + "（" + code + "）").orElse("他の市区町村（" + code + "）");
        } catch (RuntimeException e) {
            return "他の市区町村（" + code + "）";
        }
    }

    /** A text variable, stripped; {@code null} when absent or blank. */
    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
