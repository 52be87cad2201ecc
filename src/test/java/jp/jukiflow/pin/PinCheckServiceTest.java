package jp.jukiflow.pin;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.pin.PinVerification.Outcome.LOCKED;
import static jp.jukiflow.pin.PinVerification.Outcome.OK;
import static jp.jukiflow.pin.PinVerification.Outcome.WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.WithoutIdentifiers;

/** The PIN check on a card and the one-time PIN requests, as a clerk of 奥尻町. */
@JukiflowTest
class PinCheckServiceTest {

    @Autowired
    PinCheckService pinCheck;
    @Autowired
    PinRequests requests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    String card;

    @BeforeEach
    void clerkWithAFreshCard() {
        PinTestCards.actAsClerk("okushiri-clerk", OKUSHIRI);
        card = PinTestCards.newCard(cards, jdbc, hasher, OKUSHIRI);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
        PinTestCards.retireAll(jdbc);
    }

    PinCheckResult check(String pin) {
        return pinCheck.verify(card, pin, PinPurpose.SPECIAL_TRANSFER_IN, OKUSHIRI);
    }

    @Test
    void wrongWrongRightIsOkAndResetsTheCount() {
        assertThat(check("1357")).isEqualTo(new PinCheckResult(WRONG, 2));
        assertThat(check("1357")).isEqualTo(new PinCheckResult(WRONG, 1));
        assertThat(check(PIN)).isEqualTo(new PinCheckResult(OK, 3));
        assertThat(cards.find(card).orElseThrow().pin().consecutiveFailures()).isZero();
        assertThat(check("1357")).isEqualTo(new PinCheckResult(WRONG, 2));
    }

    @Test
    void threeWrongLockTheCardAndTheRightPinStaysLocked() {
        check("1111");
        check("2222");
        assertThat(check("3333")).isEqualTo(new PinCheckResult(LOCKED, 0));
        assertThat(check(PIN)).isEqualTo(new PinCheckResult(LOCKED, 0));
        // for every process: another purpose is locked as well
        assertThat(pinCheck.verify(card, PIN, PinPurpose.CARD_CONTINUATION, OKUSHIRI).outcome()).isEqualTo(LOCKED);
        Card locked = cards.find(card).orElseThrow();
        assertThat(locked.pin().locked()).isTrue();
        List<CardEvent> events = cards.events(locked.id());
        assertThat(events).extracting(CardEvent::eventType).containsOnlyOnce(PinCheckService.EVENT_PIN_LOCKED);
        assertThat(events).allSatisfy(e -> assertThat(WithoutIdentifiers.of(e.detail() + e.reason())).doesNotContain(PIN));
    }

    @Test
    void malformedEntriesAreRefusedWithoutCounting() {
        assertThatThrownBy(() -> check("12a4")).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("4桁").hasMessageNotContaining("12a4");
        assertThat(cards.find(card).orElseThrow().pin().consecutiveFailures()).isZero();
    }

    @Test
    void everyAttemptIsAuditedWithoutThePin() {
        check(PIN);
        check("9753");
        String holder = cards.find(card).orElseThrow().holderResidentCode();
        List<AuditEntry> lines = audit.entriesAbout(holder).stream()
                .filter(e -> e.detail() != null && e.detail().contains(card)).toList();
        assertThat(lines).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("okushiri-clerk");
            assertThat(e.purpose()).contains("特例転入");
            assertThat(WithoutIdentifiers.of(e)).doesNotContain(PIN).doesNotContain("9753");
        });
        assertThat(lines).extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains("WRONG"));
    }

    @Test
    void anUnknownCardIsRefusedInJapanese() {
        assertThatThrownBy(() -> pinCheck.verify("NO-SUCH-CARD", PIN, PinPurpose.IDENTITY_CHECK, OKUSHIRI))
                .isInstanceOf(ResourceNotFound.class).hasMessageContaining("登録されていません");
    }

    @Test
    void anotherMunicipalitysCardOrCounterIsRefused() {
        String hakodateCard = PinTestCards.newCard(cards, jdbc, hasher, HAKODATE);
        assertThatThrownBy(() -> pinCheck.verify(hakodateCard, PIN, PinPurpose.IDENTITY_CHECK, OKUSHIRI))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("他の市区町村");
        assertThatThrownBy(() -> pinCheck.verify(card, PIN, PinPurpose.IDENTITY_CHECK, HAKODATE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("権限がありません");
        assertThat(cards.find(hakodateCard).orElseThrow().pin().consecutiveFailures()).isZero();
        // a special transfer-in is done at the destination's counter with the origin's card
        assertThat(pinCheck.verify(hakodateCard, PIN, PinPurpose.SPECIAL_TRANSFER_IN, OKUSHIRI).outcome()).isEqualTo(OK);
    }

    @Test
    void parallelWrongEntriesAreEachCounted() throws Exception {
        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PinCheckResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<PinCheckResult> attempt = () -> {
                    PinTestCards.actAsClerk("okushiri-clerk", OKUSHIRI);
                    start.await();
                    try {
                        return check("1357");
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<PinCheckResult> outcomes = new ArrayList<>();
            for (Future<PinCheckResult> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(new PinCheckResult(WRONG, 2), new PinCheckResult(WRONG, 1),
                    new PinCheckResult(LOCKED, 0));
        } finally {
            pool.shutdownNow();
        }
        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().consecutiveFailures()).isEqualTo(3);
        assertThat(after.pin().locked()).isTrue();
        assertThat(cards.events(after.id())).extracting(CardEvent::eventType)
                .containsOnlyOnce(PinCheckService.EVENT_PIN_LOCKED);
    }

    @Test
    void aRequestCarriesOnlyTheOutcomeToTheProcess() {
        PinRequest request = requests.open(card, PinPurpose.SPECIAL_TRANSFER_IN, null, "process-4711");
        assertThat(request.municipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(requests.outcome(request.id()).orElseThrow().state()).isEqualTo(PinRequest.State.PENDING);

        assertThat(requests.submit(request.id(), "1357")).isEqualTo(new PinCheckResult(WRONG, 2));
        PinRequestStatus wrong = requests.outcome(request.id()).orElseThrow();
        assertThat(wrong.state()).isEqualTo(PinRequest.State.WRONG);
        assertThat(wrong.attemptsLeft()).isEqualTo(2);

        assertThat(requests.submit(request.id(), PIN).outcome()).isEqualTo(OK);
        PinRequestStatus ok = requests.outcome(request.id()).orElseThrow();
        assertThat(ok.state()).isEqualTo(PinRequest.State.OK);
        assertThat(ok.reference()).isEqualTo("process-4711");
        assertThat(WithoutIdentifiers.of(ok)).doesNotContain(PIN);
        assertThatThrownBy(() -> requests.submit(request.id(), PIN)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("終わっています");
        String stored = jdbc.sql("select * from pin_request where id = ?").param(request.id()).query().singleRow()
                .toString();
        assertThat(WithoutIdentifiers.of(stored)).doesNotContain(PIN);
    }

    @Test
    void threeWrongOnARequestThenTheRightPinIsStillLocked() {
        PinRequest first = requests.open(card, PinPurpose.SPECIAL_TRANSFER_IN, null, null);
        requests.submit(first.id(), "1111");
        requests.submit(first.id(), "2222");
        assertThat(requests.submit(first.id(), "3333").outcome()).isEqualTo(LOCKED);
        assertThat(requests.outcome(first.id()).orElseThrow().state()).isEqualTo(PinRequest.State.LOCKED);
        PinRequest second = requests.open(card, PinPurpose.CARD_CONTINUATION, null, null);
        assertThat(requests.submit(second.id(), PIN)).isEqualTo(new PinCheckResult(LOCKED, 0));
    }

    @Test
    void anExpiredRequestTakesNoEntry() {
        PinRequest request = requests.open(card, PinPurpose.SPECIAL_TRANSFER_IN, null, null);
        assertThat(request.expiresAt()).isEqualTo(request.createdAt().plus(PinRequests.VALIDITY));
        jdbc.sql("update pin_request set expires_at = ? where id = ?")
                .params(Timestamp.from(request.createdAt().minusSeconds(1)), request.id()).update();
        assertThat(requests.outcome(request.id()).orElseThrow().state()).isEqualTo(PinRequest.State.EXPIRED);
        assertThatThrownBy(() -> requests.submit(request.id(), PIN)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("10分");
        assertThat(cards.find(card).orElseThrow().pin().consecutiveFailures()).isZero();
    }

    @Test
    void anotherMunicipalitysClerkCannotUseARequest() {
        PinRequest request = requests.open(card, PinPurpose.SPECIAL_TRANSFER_IN, null, null);
        PinTestCards.actAsClerk("hakodate-clerk", HAKODATE);
        assertThatThrownBy(() -> requests.submit(request.id(), PIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.outcome(request.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(requests.outcome("00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(Instant.now()).isNotNull();
    }
}
