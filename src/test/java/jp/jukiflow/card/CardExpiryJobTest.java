package jp.jukiflow.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.support.AtOnce;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.card.internal.CardExpiry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link CardExpiry}, the daily job's work: usable cards past their validity become EXPIRED with a card event
 * 「有効期限の経過」, once — also when run twice or on two nodes at once —, and every other card is left alone. Today is
 * Thursday 2026-11-26. Each test uses fresh 函館市 residents.
 */
@JukiflowTest
@RecordApplicationEvents
class CardExpiryJobTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Autowired
    CardExpiry expiry;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardCertificates certificates;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;

    LifecycleTestCards testCards;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        testCards = LifecycleTestCards.in(context);
    }

    @AfterEach
    void retire() {
        created.forEach(testCards::retire);
    }

    @Test
    void usableCardsPastTheirValidityExpireOnceAndTheOthersAreLeftAlone() {
        Card expiredYesterday = myNumber(LocalDate.of(2016, 12, 1), TODAY.minusDays(1), CardStatus.ACTIVE);
        Card suspendedPast = myNumber(LocalDate.of(2016, 3, 1), LocalDate.of(2025, 2, 28), CardStatus.SUSPENDED);
        Card lastDayToday = myNumber(LocalDate.of(2016, 12, 1), TODAY, CardStatus.ACTIVE);
        // a JUKI card still recorded ACTIVE: 10 years from 2015-04-01 ended 2025-03-31, whatever was recorded
        Card juki = card(CardType.JUKI, LocalDate.of(2015, 4, 1), LocalDate.of(2027, 1, 1), CardStatus.ACTIVE);
        List<Card> leftAlone = List.of(
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2025, 1, 1), CardStatus.RETURNED),
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2025, 1, 1), CardStatus.LAPSED),
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2025, 1, 1), CardStatus.ABOLISHED),
                card(CardType.JUKI, LocalDate.of(2010, 5, 1), LocalDate.of(2020, 4, 30), CardStatus.EXPIRED));

        assertThat(expiry.expireOverdue()).isGreaterThanOrEqualTo(3);

        for (Card c : List.of(expiredYesterday, suspendedPast, juki)) {
            Card after = cards.findById(c.id()).orElseThrow();
            assertThat(after.status()).as(c.number()).isEqualTo(CardStatus.EXPIRED);
            CardEvent event = last(after);
            assertThat(event.eventType()).isEqualTo(CardExpiry.EVENT_EXPIRED);
            assertThat(event.fromStatus()).isEqualTo(c.status());
            assertThat(event.toStatus()).isEqualTo(CardStatus.EXPIRED);
            assertThat(event.reason()).isEqualTo("有効期限の経過");
            assertThat(event.actor()).isEqualTo("system");
            assertThat(audit.entriesAbout(c.holderResidentCode())).extracting(AuditEntry::purpose)
                    .contains("カードの有効期限の管理");
        }
        assertThat(last(cards.findById(expiredYesterday.id()).orElseThrow()).detail()).isEqualTo("有効期限 2026-11-25");
        assertThat(last(cards.findById(juki.id()).orElseThrow()).detail()).isEqualTo("有効期限 2025-03-31");
        // the certificates are not revoked: never valid beyond the card, they had already expired
        assertThat(certificates.certificatesOf(expiredYesterday.id())).isNotEmpty()
                .allSatisfy(x -> assertThat(x.status()).isEqualTo(CertificateStatus.EXPIRED));
        assertThat(cards.events(expiredYesterday.id())).extracting(CardEvent::eventType)
                .doesNotContain(CardCertificates.EVENT_REVOKED);
        assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardId() == expiredYesterday.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.from()).isEqualTo(CardStatus.ACTIVE);
                    assertThat(e.to()).isEqualTo(CardStatus.EXPIRED);
                    assertThat(e.reason()).isEqualTo("有効期限の経過");
                });

        Card stillValid = cards.findById(lastDayToday.id()).orElseThrow();
        assertThat(stillValid.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(cards.events(stillValid.id())).extracting(CardEvent::eventType)
                .containsExactly(CardRegistry.EVENT_ISSUED);
        assertThat(certificates.certificatesOf(stillValid.id()))
                .allSatisfy(x -> assertThat(x.status()).isEqualTo(CertificateStatus.VALID));
        for (Card c : leftAlone) {
            Card after = cards.findById(c.id()).orElseThrow();
            assertThat(after.status()).as(c.number()).isEqualTo(c.status());
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType).containsExactly(CardRegistry.EVENT_ISSUED);
        }

        // idempotent: the second run finds nothing
        assertThat(expiry.expireOverdue()).isZero();
        for (Card c : List.of(expiredYesterday, suspendedPast, juki)) {
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType).containsOnlyOnce(CardExpiry.EVENT_EXPIRED);
        }
    }

    @Test
    void theDemoCardsAreLeftAsTheyAre() {
        // the demo JUKI cards are recorded EXPIRED already, the demo My Number Cards are valid
        expiry.expireOverdue();
        assertThat(jdbc.sql("""
                select count(*) from card_event e where e.event_type = 'EXPIRED' and e.card_id in
                  (select i.card_id from card_event i where i.event_type = 'ISSUED' and i.reason = 'デモデータの作成')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from card c where c.card_type = 'JUKI' and c.status <> 'EXPIRED' and c.id in
                  (select i.card_id from card_event i where i.event_type = 'ISSUED' and i.reason = 'デモデータの作成')""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoNodesExpiringAtOnceExpireEachCardOnce() throws Exception {
        List<Card> overdue = List.of(
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2026, 11, 1), CardStatus.ACTIVE),
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2026, 10, 1), CardStatus.ACTIVE),
                myNumber(LocalDate.of(2016, 12, 1), LocalDate.of(2026, 9, 1), CardStatus.SUSPENDED),
                card(CardType.JUKI, LocalDate.of(2015, 6, 1), LocalDate.of(2025, 5, 31), CardStatus.ACTIVE));
        long usableOverdue = jdbc.sql("""
                select count(*) from card where status in ('ACTIVE', 'SUSPENDED') and (card_type = 'JUKI' or valid_until < ?)""")
                .param(java.sql.Date.valueOf(TODAY)).query(Long.class).single();
        int total = AtOnce.run(2, () -> expiry.expireOverdue()).stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(usableOverdue);
        for (Card c : overdue) {
            Card after = cards.findById(c.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(CardStatus.EXPIRED);
            assertThat(cards.events(c.id())).extracting(CardEvent::eventType).filteredOn(t -> !t.startsWith("JPKI_"))
                    .containsExactly(CardRegistry.EVENT_ISSUED, CardExpiry.EVENT_EXPIRED);
        }
    }

    // ---- helpers ----

    private Card myNumber(LocalDate issued, LocalDate validUntil, CardStatus status) {
        return card(CardType.MY_NUMBER, issued, validUntil, status);
    }

    private Card card(CardType type, LocalDate issued, LocalDate validUntil, CardStatus status) {
        Card c = testCards.record(testCards.freshHolder(), type, issued, validUntil, status);
        created.add(c.number());
        return c;
    }

    /** The card's own last event (the certificates' JPKI_* events that follow it left out). */
    private CardEvent last(Card card) {
        List<CardEvent> list = cards.events(card.id()).stream().filter(e -> !e.eventType().startsWith("JPKI_")).toList();
        return list.get(list.size() - 1);
    }
}
