package jp.jukiflow.card.internal;

import java.util.EnumSet;
import java.util.Set;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRecorded;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person never holds two usable cards (docs/domain.md §4, §6), checked when a My Number Card is recorded, in the recording
 * transaction and before the certificates are issued: a second ACTIVE or SUSPENDED My Number Card is refused
 * ({@code CARD_MY_NUMBER_ALREADY_HELD}, nothing is recorded), and every JUKI card of the holder not yet returned or
 * 廃止 is returned with the reason 「マイナンバーカードの交付」 (its certificates revoked with it).
 */
@Component
class OneCardPerPerson {

    private static final Set<CardStatus> HELD = EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED);

    private final CardStore store;
    private final CardReturns returns;

    OneCardPerPerson(CardStore store, CardReturns returns) {
        this.store = store;
        this.returns = returns;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(CardRecorded recorded) {
        Card issued = recorded.card();
        if (issued.type() != CardType.MY_NUMBER) {
            return;
        }
        for (Card other : store.findByHolder(issued.holderResidentCode())) {
            if (other.id() != issued.id() && other.type() == CardType.MY_NUMBER && HELD.contains(issued.status())
                    && HELD.contains(other.status())) {
                throw new DomainRuleViolation("CARD_MY_NUMBER_ALREADY_HELD", "この方は既にマイナンバーカード（カード番号 "
                        + other.number() + "、状態「" + other.status().labelJa() + "」）をお持ちです。"
                        + "新しいカードを登録する前に、今のカードを返納または廃止してください。");
            }
        }
        for (Card juki : store.findByHolder(issued.holderResidentCode())) {
            if (juki.type() == CardType.JUKI && CardReturns.returnable(juki.status())) {
                returns.returnAsConsequence(juki, ReturnReason.MY_NUMBER_CARD_ISSUED,
                        "マイナンバーカード " + issued.number() + " の交付による");
            }
        }
    }
}
