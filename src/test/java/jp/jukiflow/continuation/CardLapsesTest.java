package jp.jukiflow.continuation;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardSpecialMoveOuts;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.support.AtOnce;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The card lapses the law names (docs/domain.md §3) besides the 90 days: (a) after a special transfer-out, no 転入届 by the
 * special transfer-in's last day; (b) another transfer-out filed before the card was continued. The clock stands at
 * 2026-11-26: a last day of 11-25 has passed, 11-26 has not. Each card lapses once, also with two runs at once.
 */
@JukiflowTest
class CardLapsesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Autowired
    CardSpecialMoveOuts specialMoveOuts;
    @Autowired
    CardContinuations continuations;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void retireTestCards() {
        jdbc.sql("update card_special_move_out set status = 'CANCELLED' where status = 'PENDING'").update();
        ContinuationTestCards.retireAll(jdbc);
    }

    private Card newCard() {
        return cards.find(ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4)).orElseThrow();
    }

    private Card awaiting(LocalDate lastDay) {
        Card card = newCard();
        specialMoveOuts.awaitTransferIn(card, HAKODATE, lastDay, "013676-2026-" + card.number());
        return card;
    }

    @Test
    void noTransferInByTheSpecialDeadlineLapsesTheCardOnce() {
        Card overdue = awaiting(TODAY.minusDays(1));
        Card suspended = awaiting(TODAY.minusDays(3));
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(suspended.number()).update();
        Card dueToday = awaiting(TODAY);
        Card movedIn = awaiting(TODAY.minusDays(1));
        specialMoveOuts.transferredIn(movedIn.number());
        Card cancelled = awaiting(TODAY.minusDays(1));
        specialMoveOuts.closed("013676-2026-" + cancelled.number(), false);
        // a re-sent 転出証明書情報 records nothing more
        specialMoveOuts.awaitTransferIn(overdue, HAKODATE, TODAY.minusDays(1), "013676-2026-" + overdue.number());

        assertThat(specialMoveOuts.lapseOverdue()).isEqualTo(2);
        for (Card card : List.of(overdue, suspended)) {
            Card after = cards.find(card.number()).orElseThrow();
            assertThat(after.status()).isEqualTo(CardStatus.LAPSED);
            CardEvent lapsed = lapsedEvent(after);
            assertThat(lapsed.reason()).isEqualTo(CardSpecialMoveOuts.LAPSE_REASON);
            assertThat(lapsed.detail()).contains("特例転入の期限");
            assertThat(specialMoveOuts.statuses(card.number())).containsExactly("LAPSED");
            assertThat(CardUsability.check(after, PinPurpose.SPECIAL_TRANSFER_IN, TODAY).code()).isEqualTo("CARD_LAPSED");
        }
        assertThat(lapsedEvent(cards.find(suspended.number()).orElseThrow()).fromStatus())
                .isEqualTo(CardStatus.SUSPENDED);
        for (Card card : List.of(dueToday, movedIn, cancelled)) {
            assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
        }
        assertThat(specialMoveOuts.statuses(movedIn.number())).containsExactly("TRANSFERRED_IN");
        assertThat(specialMoveOuts.statuses(cancelled.number())).containsExactly("CANCELLED");
        assertThat(specialMoveOuts.statuses(dueToday.number())).containsExactly("PENDING");
        // a second run changes nothing
        assertThat(specialMoveOuts.lapseOverdue()).isZero();
        assertThat(cards.events(overdue.id())).extracting(CardEvent::eventType)
                .containsOnlyOnce(CardContinuations.EVENT_LAPSED);
    }

    @Test
    void theTransferInRecordingTheCardEndsItsWait() {
        Card card = awaiting(TODAY.minusDays(1));
        continuations.recordPending(card.number(), HAKODATE, TODAY.minusDays(2), "test:" + card.number());
        assertThat(specialMoveOuts.statuses(card.number())).containsExactly("TRANSFERRED_IN");
        assertThat(specialMoveOuts.lapseOverdue()).isZero();
        assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void anotherTransferOutBeforeTheContinuationLapsesTheCard() {
        Card moved = newCard();
        continuations.recordPending(moved.number(), HAKODATE, TODAY.minusDays(10), "test:" + moved.number());
        Card stays = newCard();
        continuations.recordPending(stays.number(), HAKODATE, TODAY.minusDays(10), "test:" + stays.number());
        Card cancelled = newCard();
        continuations.recordPending(cancelled.number(), HAKODATE, TODAY.minusDays(10), "test:" + cancelled.number());

        // (the holders' older records of other tests' cards are marked too: their cards are no longer held)
        assertThat(continuations.movedAgain(moved.holderResidentCode(), "012025-2026-000901")).isPositive();
        assertThat(continuations.movedAgain(cancelled.holderResidentCode(), "012025-2026-000902")).isPositive();
        assertThat(continuations.moveAgainCancelled("012025-2026-000902")).isPositive();

        assertThat(continuations.lapseOverdue()).isGreaterThanOrEqualTo(1);
        Card after = cards.find(moved.number()).orElseThrow();
        assertThat(after.status()).isEqualTo(CardStatus.LAPSED);
        assertThat(lapsedEvent(after).reason()).isEqualTo(CardContinuations.MOVED_AGAIN_REASON);
        assertThat(lapsedEvent(after).detail()).contains("012025-2026-000901");
        assertThat(continuations.pending(moved.number())).isEmpty();
        for (Card card : List.of(stays, cancelled)) {
            assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
            assertThat(continuations.pending(card.number())).isPresent();
        }
    }

    @Test
    void twoRunsAtOnceLapseEachCardOnce() throws Exception {
        List<Card> overdue = List.of(awaiting(TODAY.minusDays(1)), awaiting(TODAY.minusDays(2)),
                awaiting(TODAY.minusDays(5)), awaiting(TODAY.minusDays(9)));
        List<Card> movedAgain = List.of(newCard(), newCard());
        for (Card card : movedAgain) {
            continuations.recordPending(card.number(), HAKODATE, TODAY.minusDays(3), "test:" + card.number());
            continuations.movedAgain(card.holderResidentCode(), "012025-2026-" + card.number());
        }
        int special = AtOnce.run(2, () -> specialMoveOuts.lapseOverdue()).stream().mapToInt(Integer::intValue).sum();
        int again = AtOnce.run(2, () -> continuations.lapseOverdue()).stream().mapToInt(Integer::intValue).sum();
        assertThat(special).isEqualTo(overdue.size());
        assertThat(again).isGreaterThanOrEqualTo(movedAgain.size());
        for (Card card : overdue) {
            assertThat(specialMoveOuts.statuses(card.number())).containsExactly("LAPSED");
        }
        for (Card card : java.util.stream.Stream.concat(overdue.stream(), movedAgain.stream()).toList()) {
            Card after = cards.find(card.number()).orElseThrow();
            assertThat(after.status()).isEqualTo(CardStatus.LAPSED);
            assertThat(cards.events(after.id())).extracting(CardEvent::eventType)
                    .containsOnlyOnce(CardContinuations.EVENT_LAPSED);
        }
    }

    private CardEvent lapsedEvent(Card card) {
        return cards.events(card.id()).stream().filter(e -> CardContinuations.EVENT_LAPSED.equals(e.eventType()))
                .findFirst().orElseThrow();
    }
}
