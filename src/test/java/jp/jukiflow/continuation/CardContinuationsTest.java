package jp.jukiflow.continuation;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.AtOnce;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CardContinuations}: the pending record of a special transfer-in (idempotent, last day rolled), the
 * continuation's refusals, and the daily lapse (失効) — once per card, also when run twice or on two nodes at once.
 * Today is Thursday 2026-11-26.
 */
@JukiflowTest
class CardContinuationsTest {

    static final String ADDRESS = "北海道函館市本町2番3号";

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
        ContinuationTestCards.retireAll(jdbc);
    }

    @Test
    void recordingThePendingContinuationIsIdempotentPerCardAndTransferIn() {
        String card = newCard(4);
        CardContinuation first = continuations.recordPending(card, HAKODATE, LocalDate.of(2026, 8, 30), "test:a:" + card)
                .orElseThrow();
        CardContinuation again = continuations.recordPending(card, HAKODATE, LocalDate.of(2026, 8, 30), "test:a:" + card)
                .orElseThrow();
        assertThat(again).isEqualTo(first);
        assertThat(first.status()).isEqualTo(ContinuationStatus.PENDING);
        assertThat(first.holderResidentCode()).isEqualTo(cards.find(card).orElseThrow().holderResidentCode());
        assertThat(first.destinationCode()).isEqualTo(HAKODATE);
        // 2026-08-30 + 90 days = Saturday 2026-11-28 → Monday 2026-11-30
        assertThat(first.lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(continuations.history(card)).hasSize(1);
        assertThat(continuations.pending(card)).contains(first);
        assertThat(continuations.recordPending("NO-SUCH-CARD", HAKODATE, LocalDate.of(2026, 8, 30), "test:none"))
                .isEmpty();
    }

    @Test
    void aClosedNinetiethDayRollsTheLastDayToTheNextOpenDay() {
        // day 90 = Sunday 2026-11-22, Monday 11-23 is 勤労感謝の日: continuing on Tuesday 11-24 (day 92) is in time,
        // on Wednesday 11-25 it is not
        BusinessCalendar onTuesday = new BusinessCalendar(Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneOffset.UTC));
        LocalDate lastDay = CardContinuations.lastDay(onTuesday, LocalDate.of(2026, 8, 24));
        assertThat(lastDay).isEqualTo(LocalDate.of(2026, 11, 24));
        CardContinuation c = new CardContinuation(0, "X", "Y", HAKODATE, LocalDate.of(2026, 8, 24), lastDay,
                ContinuationStatus.PENDING, "r", Instant.EPOCH, Instant.EPOCH);
        assertThat(c.openOn(onTuesday.today())).isTrue();
        assertThat(c.openOn(LocalDate.of(2026, 11, 25))).isFalse();
        // day 90 on an open day stays
        assertThat(CardContinuations.lastDay(onTuesday, LocalDate.of(2026, 8, 28))).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void continuingMovesTheCardToTheDestinationAndUsesOneLine() {
        String card = pending(LocalDate.of(2026, 9, 1), 2);
        Card after = continuations.continueCard(card, HAKODATE, " " + ADDRESS + " ");
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(after.freeEndorsementLines()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(CardStatus.ACTIVE);
        CardEvent event = last(after);
        assertThat(event.eventType()).isEqualTo("CONTINUED");
        assertThat(event.detail()).isEqualTo("追記欄への記載: " + ADDRESS);
        assertThat(event.actor()).isEqualTo("system");
        assertThat(continuations.pending(card)).isEmpty();
        assertThat(continuations.history(card)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED));
        // continued once: a second continuation has nothing pending
        assertThatThrownBy(() -> continuations.continueCard(card, HAKODATE, ADDRESS))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("CONTINUATION_NOT_PENDING"));
    }

    @Test
    void continuationIsRefusedWithoutAFreeLineTooLateElsewhereOrForASuspendedCard() {
        String full = pending(LocalDate.of(2026, 9, 1), 0);
        assertRefused(full, HAKODATE, "NO_FREE_ENDORSEMENT_LINE");
        String late = pending(LocalDate.of(2026, 8, 27), 3);
        assertRefused(late, HAKODATE, "CONTINUATION_PERIOD_OVER");
        String elsewhere = pending(LocalDate.of(2026, 9, 1), 3);
        assertRefused(elsewhere, OKUSHIRI, "CONTINUATION_NOT_PENDING");
        String suspended = pending(LocalDate.of(2026, 9, 1), 3);
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(suspended).update();
        assertRefused(suspended, HAKODATE, "CARD_SUSPENDED");
        assertThatThrownBy(() -> continuations.continueCard(full, HAKODATE, "  "))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("NEW_ADDRESS_REQUIRED"));
        assertThatThrownBy(() -> continuations.continueCard("NO-SUCH-CARD", HAKODATE, ADDRESS))
                .isInstanceOf(ResourceNotFound.class);
        for (String card : List.of(full, late, elsewhere, suspended)) {
            Card c = cards.find(card).orElseThrow();
            assertThat(c.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType).containsExactly("ISSUED");
            assertThat(continuations.pending(card)).isPresent();
        }
    }

    @Test
    void theDailyJobLapsesOverdueCardsOnceAndLeavesTheOthers() {
        String overdue = pending(LocalDate.of(2026, 8, 27), 4);          // last day 2026-11-25
        String overdueSuspended = pending(LocalDate.of(2026, 8, 24), 4); // last day 2026-11-24 (rolled)
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(overdueSuspended).update();
        String dueToday = pending(LocalDate.of(2026, 8, 28), 4);         // last day 2026-11-26 = today
        String continued = pending(LocalDate.of(2026, 8, 27), 4);
        jdbc.sql("update card_continuation set status = 'CONTINUED' where card_number = ?").param(continued).update();

        assertThat(continuations.lapseOverdue()).isGreaterThanOrEqualTo(2);
        for (String card : List.of(overdue, overdueSuspended)) {
            Card c = cards.find(card).orElseThrow();
            assertThat(c.status()).isEqualTo(CardStatus.LAPSED);
            // the card's lapse, then its certificates revoked with it
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType).endsWith(CardContinuations.EVENT_LAPSED,
                    jp.jukiflow.jpki.CardCertificates.EVENT_REVOKED);
            CardEvent event = cards.events(c.id()).stream()
                    .filter(e -> CardContinuations.EVENT_LAPSED.equals(e.eventType())).findFirst().orElseThrow();
            assertThat(event.toStatus()).isEqualTo(CardStatus.LAPSED);
            assertThat(event.reason()).isEqualTo("転入届から90日以内に継続利用の手続きがなかったため失効");
            assertThat(continuations.history(card)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(ContinuationStatus.LAPSED));
        }
        assertThat(last(cards.find(overdueSuspended).orElseThrow()).fromStatus()).isEqualTo(CardStatus.SUSPENDED);
        assertThat(cards.find(dueToday).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(continuations.pending(dueToday)).isPresent();
        assertThat(cards.find(continued).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);

        // idempotent: a second run finds nothing and writes nothing
        assertThat(continuations.lapseOverdue()).isZero();
        for (String card : List.of(overdue, overdueSuspended)) {
            assertThat(cards.events(cards.find(card).orElseThrow().id())).extracting(CardEvent::eventType)
                    .containsOnlyOnce(CardContinuations.EVENT_LAPSED);
        }
    }

    @Test
    void twoNodesLapsingAtOnceLapseEachCardOnce() throws Exception {
        List<String> overdue = List.of(pending(LocalDate.of(2026, 8, 20), 4), pending(LocalDate.of(2026, 8, 21), 4),
                pending(LocalDate.of(2026, 8, 25), 4), pending(LocalDate.of(2026, 8, 26), 4));
        long pendingOverdue = jdbc.sql("select count(*) from card_continuation where status = 'PENDING' and last_day < ?")
                .param(java.sql.Date.valueOf(LocalDate.of(2026, 11, 26))).query(Long.class).single();
        int total = AtOnce.run(2, () -> continuations.lapseOverdue()).stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(pendingOverdue);
        for (String card : overdue) {
            Card c = cards.find(card).orElseThrow();
            assertThat(c.status()).isEqualTo(CardStatus.LAPSED);
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType)
                    .containsExactly("ISSUED", CardContinuations.EVENT_LAPSED,
                            jp.jukiflow.jpki.CardCertificates.EVENT_REVOKED);
        }
    }

    // ---- helpers ----

    private String newCard(int freeLines) {
        return ContinuationTestCards.newCard(cards, jdbc, pinHasher, freeLines);
    }

    private String pending(LocalDate transferInDate, int freeLines) {
        String card = newCard(freeLines);
        continuations.recordPending(card, HAKODATE, transferInDate, "test:" + card);
        return card;
    }

    private void assertRefused(String card, String destination, String code) {
        assertThatThrownBy(() -> continuations.continueCard(card, destination, ADDRESS))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** The card's own last event (the certificates' JPKI_* events that follow it left out). */
    private CardEvent last(Card card) {
        List<CardEvent> events = cards.events(card.id()).stream().filter(e -> !e.eventType().startsWith("JPKI_"))
                .toList();
        return events.get(events.size() - 1);
    }
}
