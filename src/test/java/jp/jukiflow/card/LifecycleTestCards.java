package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.card.internal.CardReturns;
import jp.jukiflow.card.internal.ReturnReason;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh holders and cards (numbers {@code LC…}) for the card lifecycle tests: each holder a new 函館市 resident
 * ({@link MovingResidents}) whose first My Number Card was returned, so that they hold no usable card and the demo
 * picks of other tests stay as they are.
 */
final class LifecycleTestCards {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CardRegistry cards;
    private final CardReturns returns;
    private final MovingResidents movers;
    private final String pinHash;

    private LifecycleTestCards(ApplicationContext context) {
        this.cards = context.getBean(CardRegistry.class);
        this.returns = context.getBean(CardReturns.class);
        this.movers = MovingResidents.in(context);
        this.pinHash = context.getBean(JdbcClient.class).sql("select min(pin_hash) from card").query(String.class)
                .single();
    }

    static LifecycleTestCards in(ApplicationContext context) {
        return new LifecycleTestCards(context);
    }

    /** A fresh resident of 函館市 with an ACTIVE My Number Card (its number). */
    MovingResidents.Mover mover() {
        return movers.create(HAKODATE, "040-0001", "北海道函館市五稜郭町3番3号");
    }

    /** A fresh resident of 函館市 who holds no usable card (their first card returned as no longer needed). */
    String freshHolder() {
        MovingResidents.Mover m = mover();
        returns.returnCard(m.cardNumber(), ReturnReason.NOT_NEEDED, "テストの準備");
        return m.residentCode();
    }

    /** Records a card of {@code holder} managed by {@code municipality}. */
    Card record(String holder, CardType type, LocalDate issued, LocalDate validUntil, CardStatus status,
                String municipality) {
        String number = "LC" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
        return cards.record(new NewCard(type, number, holder, true, issued, validUntil, status, municipality,
                CardPinState.fresh(pinHash), 4), "カードのライフサイクルのテスト用");
    }

    /** Records a card of {@code holder} managed by 函館市. */
    Card record(String holder, CardType type, LocalDate issued, LocalDate validUntil, CardStatus status) {
        return record(holder, type, issued, validUntil, status, HAKODATE);
    }

    /** Returns the card if it is still usable (clean-up, so that no test card stays usable). */
    void retire(String cardNumber) {
        Card card = cards.find(cardNumber).orElseThrow();
        if (card.status() == CardStatus.ACTIVE || card.status() == CardStatus.SUSPENDED) {
            returns.returnCard(cardNumber, ReturnReason.NOT_NEEDED, "テストの後始末");
        }
    }
}
