package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.jpki.CrlReason;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.card.internal.CardReturns;
import jp.jukiflow.card.internal.ReturnReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link CardReturns} (返納, docs/domain.md §4) and one card per person: every reason, from every status that allows it, the
 * certificates revoked with the card; the refusals (廃止, already returned, no reason, another municipality's clerk);
 * a My Number Card issued returns the holder's JUKI card, and a second usable My Number Card is refused.
 * Each test uses fresh 函館市 residents.
 */
@JukiflowTest
@RecordApplicationEvents
class CardReturnsTest {

    @Autowired
    CardReturns returns;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardStatusChanges statusChanges;
    @Autowired
    CardCertificates certificates;
    @Autowired
    AuditLog audit;
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
        SecurityContextHolder.clearContext();
        created.forEach(testCards::retire);
    }

    @Test
    void eachReasonReturnsTheCardAndRevokesItsCertificates() {
        for (ReturnReason reason : ReturnReason.values()) {
            Card card = cards.find(mover().cardNumber()).orElseThrow();
            assertThat(certificates.certificatesOf(card.id())).hasSize(2)
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));

            Card returned = returns.returnCard(" " + card.number() + " ", reason, " 窓口で回収 ");

            assertThat(returned.status()).as(reason.name()).isEqualTo(CardStatus.RETURNED);
            CardEvent event = ownEvents(card).get(ownEvents(card).size() - 1);
            assertThat(event.eventType()).isEqualTo(CardReturns.EVENT_RETURNED);
            assertThat(event.fromStatus()).isEqualTo(CardStatus.ACTIVE);
            assertThat(event.toStatus()).isEqualTo(CardStatus.RETURNED);
            assertThat(event.reason()).isEqualTo("返納（" + reason.labelJa() + "）");
            assertThat(event.detail()).isEqualTo("窓口で回収");
            assertThat(cards.events(card.id())).extracting(CardEvent::eventType).last()
                    .isEqualTo(CardCertificates.EVENT_REVOKED);
            assertThat(certificates.certificatesOf(card.id())).hasSize(2).allSatisfy(c -> {
                assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
                assertThat(c.reason()).isEqualTo(CrlReason.CESSATION_OF_OPERATION);
            });
            assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardId() == card.id()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.to()).isEqualTo(CardStatus.RETURNED);
                        assertThat(e.reason()).isEqualTo("返納（" + reason.labelJa() + "）");
                    });
            assertThat(audit.entriesAbout(card.holderResidentCode())).extracting(AuditEntry::purpose)
                    .contains("カードの返納");
        }
        assertThat(ReturnReason.values()).extracting(ReturnReason::labelJa).containsExactly("有効期限切れ",
                "不要になった", "マイナンバーカードの交付", "国外転出", "住民票コードの変更");
    }

    @Test
    void suspendedExpiredAndLapsedCardsCanBeReturned() {
        Card suspended = cards.find(mover().cardNumber()).orElseThrow();
        statusChanges.suspend(suspended.number(), "紛失", null);
        assertThat(certificates.certificatesOf(suspended.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.SUSPENDED));
        assertThat(returns.returnCard(suspended.number(), ReturnReason.NOT_NEEDED, null).status())
                .isEqualTo(CardStatus.RETURNED);
        assertThat(certificates.certificatesOf(suspended.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
        assertThat(ownEvents(suspended)).last().satisfies(e -> {
            assertThat(e.fromStatus()).isEqualTo(CardStatus.SUSPENDED);
            assertThat(e.detail()).isNull();
        });

        Card expired = record(testCards.freshHolder(), CardType.MY_NUMBER, LocalDate.of(2016, 2, 1),
                LocalDate.of(2025, 1, 31), CardStatus.EXPIRED);
        Card lapsed = record(testCards.freshHolder(), CardType.MY_NUMBER, LocalDate.of(2020, 2, 1),
                LocalDate.of(2030, 1, 31), CardStatus.LAPSED);
        assertThat(returns.returnCard(expired.number(), ReturnReason.EXPIRED, null).status())
                .isEqualTo(CardStatus.RETURNED);
        assertThat(returns.returnCard(lapsed.number(), ReturnReason.MOVED_ABROAD, null).status())
                .isEqualTo(CardStatus.RETURNED);
        assertThat(ownEvents(expired)).last().satisfies(e -> assertThat(e.fromStatus()).isEqualTo(CardStatus.EXPIRED));
        assertThat(ownEvents(lapsed)).last().satisfies(e -> assertThat(e.fromStatus()).isEqualTo(CardStatus.LAPSED));
        // an expired card's certificates had expired already: nothing to revoke
        assertThat(certificates.certificatesOf(expired.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRED));
    }

    @Test
    void abolishedOrReturnedCardsAndMissingReasonsAreRefusedAndNothingChanges() {
        Card card = cards.find(mover().cardNumber()).orElseThrow();
        assertRefused(card.number(), null, "RETURN_REASON_REQUIRED", "返納の理由を選んでください");
        assertRefused(card.number(), ReturnReason.NOT_NEEDED, "RETURN_NOTE_TOO_LONG", "500文字以内", "あ".repeat(501));
        assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);

        returns.returnCard(card.number(), ReturnReason.NOT_NEEDED, null);
        assertRefused(card.number(), ReturnReason.EXPIRED, "CARD_ALREADY_RETURNED", "既に返納されています");

        Card abolished = cards.find(mover().cardNumber()).orElseThrow();
        statusChanges.suspend(abolished.number(), "紛失", null);
        statusChanges.abolish(abolished.number(), "廃止届", null);
        assertRefused(abolished.number(), ReturnReason.NOT_NEEDED, "CARD_ABOLISHED", "既に廃止されています");
        assertThat(cards.find(abolished.number()).orElseThrow().status()).isEqualTo(CardStatus.ABOLISHED);
        assertThat(ownEvents(card)).extracting(CardEvent::eventType).containsOnlyOnce(CardReturns.EVENT_RETURNED);
        assertThat(ownEvents(abolished)).extracting(CardEvent::eventType).doesNotContain(CardReturns.EVENT_RETURNED);

        assertThatThrownBy(() -> returns.returnCard("NO-SUCH-CARD", ReturnReason.NOT_NEEDED, null))
                .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.code()).isEqualTo("CARD_NOT_FOUND"));
    }

    @Test
    void onlyTheManagingMunicipalitysClerksReturnACard() {
        Card card = cards.find(mover().cardNumber()).orElseThrow();
        PinTestCards.actAsClerk("okushiri-clerk", OKUSHIRI);
        // managed elsewhere reads like an unknown number
        assertThatThrownBy(() -> returns.returnCard(card.number(), ReturnReason.NOT_NEEDED, null))
                .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.code()).isEqualTo("CARD_NOT_FOUND"))
                .hasMessageNotContaining(HAKODATE);
        assertThatThrownBy(() -> returns.card(card.number())).isInstanceOf(ResourceNotFound.class);
        assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);

        PinTestCards.actAsClerk("hakodate-clerk", HAKODATE);
        Card returned = returns.returnCard(card.number(), ReturnReason.NOT_NEEDED, null);
        assertThat(returned.status()).isEqualTo(CardStatus.RETURNED);
        assertThat(ownEvents(card)).last().satisfies(e -> assertThat(e.actor()).isEqualTo("hakodate-clerk"));
    }

    @Test
    void issuingAMyNumberCardReturnsTheHoldersJukiCards() {
        String holder = testCards.freshHolder();
        Card expiredJuki = record(holder, CardType.JUKI, LocalDate.of(2012, 5, 1), LocalDate.of(2022, 4, 30),
                CardStatus.EXPIRED);
        Card myNumber = record(holder, CardType.MY_NUMBER, LocalDate.of(2026, 11, 20), LocalDate.of(2036, 1, 1),
                CardStatus.ACTIVE);

        assertThat(myNumber.status()).isEqualTo(CardStatus.ACTIVE);
        Card juki = cards.findById(expiredJuki.id()).orElseThrow();
        assertThat(juki.status()).isEqualTo(CardStatus.RETURNED);
        assertThat(ownEvents(juki)).last().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(CardReturns.EVENT_RETURNED);
            assertThat(e.fromStatus()).isEqualTo(CardStatus.EXPIRED);
            assertThat(e.reason()).isEqualTo("返納（マイナンバーカードの交付）");
            assertThat(e.detail()).contains(myNumber.number());
        });
        assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardId() == juki.id()))
                .singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(CardStatus.RETURNED));
        assertThat(certificates.certificatesOf(myNumber.id())).hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));
        assertThat(cards.cardsOf(holder)).filteredOn(c -> c.status() == CardStatus.ACTIVE
                || c.status() == CardStatus.SUSPENDED).extracting(Card::number).containsExactly(myNumber.number());

        // a JUKI card still recorded ACTIVE (the expiry job not run yet) is returned too, its certificate revoked
        String other = testCards.freshHolder();
        Card activeJuki = record(other, CardType.JUKI, LocalDate.of(2015, 10, 1), LocalDate.of(2025, 9, 30),
                CardStatus.ACTIVE);
        record(other, CardType.MY_NUMBER, LocalDate.of(2026, 11, 20), LocalDate.of(2036, 1, 1), CardStatus.ACTIVE);
        assertThat(cards.findById(activeJuki.id()).orElseThrow().status()).isEqualTo(CardStatus.RETURNED);
        assertThat(ownEvents(activeJuki)).last()
                .satisfies(e -> assertThat(e.fromStatus()).isEqualTo(CardStatus.ACTIVE));
    }

    @Test
    void aSecondUsableMyNumberCardIsRefusedAndNotRecorded() {
        MovingResidents.Mover m = mover();
        assertThatThrownBy(() -> record(m.residentCode(), CardType.MY_NUMBER, LocalDate.of(2026, 11, 20),
                LocalDate.of(2036, 1, 1), CardStatus.ACTIVE))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("CARD_MY_NUMBER_ALREADY_HELD");
                    assertThat(e.getMessage()).contains(m.cardNumber(), "返納または廃止");
                });
        assertThat(cards.cardsOf(m.residentCode())).extracting(Card::number).containsExactly(m.cardNumber());

        // suspended counts as held too; an expired card recorded for the history does not collide
        statusChanges.suspend(m.cardNumber(), "紛失", null);
        assertThatThrownBy(() -> record(m.residentCode(), CardType.MY_NUMBER, LocalDate.of(2026, 11, 20),
                LocalDate.of(2036, 1, 1), CardStatus.SUSPENDED)).isInstanceOf(DomainRuleViolation.class);
        Card old = record(m.residentCode(), CardType.MY_NUMBER, LocalDate.of(2016, 2, 1), LocalDate.of(2025, 1, 31),
                CardStatus.EXPIRED);
        assertThat(old.status()).isEqualTo(CardStatus.EXPIRED);

        // once the card is returned, a new one is recorded
        returns.returnCard(m.cardNumber(), ReturnReason.NOT_NEEDED, null);
        Card renewed = record(m.residentCode(), CardType.MY_NUMBER, LocalDate.of(2026, 11, 26),
                LocalDate.of(2036, 1, 1), CardStatus.ACTIVE);
        assertThat(renewed.status()).isEqualTo(CardStatus.ACTIVE);
    }

    // ---- helpers ----

    private MovingResidents.Mover mover() {
        MovingResidents.Mover m = testCards.mover();
        created.add(m.cardNumber());
        return m;
    }

    private Card record(String holder, CardType type, LocalDate issued, LocalDate validUntil, CardStatus status) {
        Card c = testCards.record(holder, type, issued, validUntil, status);
        created.add(c.number());
        return c;
    }

    private void assertRefused(String card, ReturnReason reason, String code, String text) {
        assertRefused(card, reason, code, text, null);
    }

    private void assertRefused(String card, ReturnReason reason, String code, String text, String note) {
        assertThatThrownBy(() -> returns.returnCard(card, reason, note))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(text);
                });
    }

    /** The card's own events (the certificates' JPKI_* events that follow them left out). */
    private List<CardEvent> ownEvents(Card card) {
        return cards.events(card.id()).stream().filter(e -> !e.eventType().startsWith("JPKI_")).toList();
    }
}
