package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.register.MovingInPerson;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.register.Sex;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.pin.PinCheckService;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinCheckResult;
import jp.jukiflow.pin.PinVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A card kept at the destination from the 転出証明書情報 (a move between deployments) and the origin's note that it
 * handed the card's data on. Each test uses a fresh holder and card number.
 */
@JukiflowTest
class PresentedCardsTest {

    /** 札幌市: served by no deployment of this test context, as an origin served elsewhere. */

    @Autowired
    PresentedCards presentedCards;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinCheckService pinCheck;
    @Autowired
    PinHasher hasher;
    @Autowired
    ResidentRegister register;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCardUnknownHereIsKeptAsPresentedStillManagedByTheOrigin() {
        String holder = holderMovingIn();
        String hash = hasher.hash(PinTestCards.PIN);
        NewCard presented = presented(holder, hash, 1);

        Card kept = presentedCards.importPresented(presented, HAKODATE, "転出元 011002 の転出証明書情報（受付番号 011002-2026-1）");

        assertThat(kept.number()).isEqualTo(presented.number());
        assertThat(kept.holderResidentCode()).isEqualTo(holder);
        assertThat(kept.managingMunicipalityCode()).isEqualTo(SAPPORO);
        assertThat(kept.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(kept.issuedOn()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(kept.validUntil()).isEqualTo(LocalDate.of(2034, 4, 2));
        assertThat(kept.freeEndorsementLines()).isEqualTo(3);
        assertThat(kept.pin()).isEqualTo(new CardPinState(hash, 1, false));
        assertThat(cards.events(kept.id())).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(PresentedCards.EVENT_IMPORTED);
            assertThat(e.reason()).isEqualTo("転入先でのカード情報の受入");
            assertThat(e.detail()).contains("011002-2026-1");
            assertThat(e.fromStatus()).isNull();
            assertThat(e.toStatus()).isEqualTo(CardStatus.ACTIVE);
        });
        assertThat(audit.entriesAbout(holder)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.purpose()).isEqualTo(PresentedCards.IMPORTED_REASON);
            assertThat(e.detail()).contains(presented.number()).doesNotContain(hash);
        });
        // checked at this counter like any card here: the count the origin sent goes on
        PinCheckResult wrong = pinCheck.verify(kept.number(), "1357", PinPurpose.SPECIAL_TRANSFER_IN, HAKODATE);
        assertThat(wrong.attemptsLeft()).isEqualTo(1);
        assertThat(pinCheck.verify(kept.number(), PinTestCards.PIN, PinPurpose.SPECIAL_TRANSFER_IN, HAKODATE)
                .outcome()).isEqualTo(PinVerification.Outcome.OK);
    }

    @Test
    void importingAgainChangesNothing() {
        String holder = holderMovingIn();
        String hash = hasher.hash(PinTestCards.PIN);
        NewCard presented = presented(holder, hash, 0);
        Card first = presentedCards.importPresented(presented, HAKODATE, "1回目");

        Card again = presentedCards.importPresented(presented(holder, hash, 2, presented.number()), HAKODATE, "2回目");

        assertThat(again).isEqualTo(first);
        assertThat(cards.find(presented.number()).orElseThrow().pin().consecutiveFailures()).isZero();
        assertThat(cards.events(first.id())).extracting(CardEvent::detail).containsExactly("1回目");
    }

    @Test
    void aCardHeldHereIsNeverOverwritten() {
        String demoCard = jdbc.sql("select min(card_number) from card where card_number not like 'PT%'")
                .query(String.class).single();
        Card before = cards.find(demoCard).orElseThrow();
        NewCard other = presented(holderMovingIn(), hasher.hash("9753"), 2, demoCard);

        Card kept = presentedCards.importPresented(other, HAKODATE, "上書きしない");

        assertThat(kept).isEqualTo(before);
        assertThat(cards.events(before.id())).extracting(CardEvent::eventType)
                .doesNotContain(PresentedCards.EVENT_IMPORTED);
    }

    @Test
    void theHolderMustBeInTheRegisterFirst() {
        String nobody = freshCode().value();
        NewCard presented = presented(nobody, hasher.hash(PinTestCards.PIN), 0);

        assertThatThrownBy(() -> presentedCards.importPresented(presented, HAKODATE, "所持者なし"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(cards.find(presented.number())).isEmpty();
    }

    @Test
    void theOriginNotesTheHandOverOncePerMove() {
        String holder = holderMovingIn();
        Card card = presentedCards.importPresented(presented(holder, hasher.hash(PinTestCards.PIN), 0), HAKODATE, "受入");

        assertThat(presentedCards.handedOver(card.number(), OKUSHIRI, "012025-2026-000001")).isTrue();
        assertThat(presentedCards.handedOver(card.number(), OKUSHIRI, "012025-2026-000001")).isFalse();
        assertThat(presentedCards.handedOver(card.number(), OKUSHIRI, "012025-2026-000002")).isTrue();
        assertThat(presentedCards.handedOver("XD-unknown", OKUSHIRI, "012025-2026-000001")).isFalse();

        assertThat(cards.events(card.id())).extracting(CardEvent::eventType, CardEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PresentedCards.EVENT_IMPORTED, "転入先でのカード情報の受入"),
                        org.assertj.core.groups.Tuple.tuple(PresentedCards.EVENT_HANDED_OVER, "カード情報を転出先へ引継ぎ"),
                        org.assertj.core.groups.Tuple.tuple(PresentedCards.EVENT_HANDED_OVER, "カード情報を転出先へ引継ぎ"));
        assertThat(cards.find(card.number()).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
    }

    private String holderMovingIn() {
        ResidentCode code = freshCode();
        register.recordExpectedMoveIn(new MovingInPerson(code, new PersonName("札幌", "一郎", "サッポロ", "イチロウ"),
                LocalDate.of(1980, 5, 5), Sex.MALE), HAKODATE, "北海道函館市五稜郭町1番1号", "世帯主", "テスト", "テスト");
        return code.value();
    }

    private ResidentCode freshCode() {
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit("5" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        } while (register.find(code, "テスト").isPresent());
        return code;
    }

    private static NewCard presented(String holder, String hash, int failures) {
        return presented(holder, hash, failures, "XD" + System.nanoTime() % 1_000_000_000_000L);
    }

    private static NewCard presented(String holder, String hash, int failures, String number) {
        return new NewCard(CardType.MY_NUMBER, number, holder, true, LocalDate.of(2024, 4, 1), LocalDate.of(2034, 4, 2),
                CardStatus.ACTIVE, SAPPORO, new CardPinState(hash, failures, false), 3);
    }
}
