package jp.jukiflow.pin;

import static jp.jukiflow.pin.PinVerification.Outcome.LOCKED;
import static jp.jukiflow.pin.PinVerification.Outcome.OK;
import static jp.jukiflow.pin.PinVerification.Outcome.WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinVerifierTest {

    private static final String PIN = "3952";
    private static final String WRONG_PIN = "8146";
    private static final LocalDate BIRTH = LocalDate.of(1980, 3, 10);
    private static final PinVerifier VERIFIER = new PinVerifier(new PinHasher(), new PinPolicy());
    private static CardPinState fresh;

    @BeforeAll
    static void setPin() {
        fresh = VERIFIER.setNewPin(PIN, BIRTH);
    }

    /**
     * Each row: a sequence of entries (W = wrong PIN, C = correct PIN) starting from a fresh state, the expected
     * outcomes with attempts left, and the final state (failures/locked).
     */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "C         | OK3                 | 0 false",
            "W         | WRONG2              | 1 false",
            "W W       | WRONG2 WRONG1       | 2 false",
            "W W C     | WRONG2 WRONG1 OK3   | 0 false",
            "W W W     | WRONG2 WRONG1 LOCKED0 | 3 true",
            "W W W C   | WRONG2 WRONG1 LOCKED0 LOCKED0 | 3 true",
            "W W W W   | WRONG2 WRONG1 LOCKED0 LOCKED0 | 3 true",
            "W C W W C | WRONG2 OK3 WRONG2 WRONG1 OK3 | 0 false",
            "W W C W W W | WRONG2 WRONG1 OK3 WRONG2 WRONG1 LOCKED0 | 3 true",
    })
    void lockoutSequences(String entries, String expectedOutcomes, String expectedFinal) {
        CardPinState state = fresh;
        List<String> outcomes = new ArrayList<>();
        for (String entry : entries.split(" ")) {
            PinVerification result = VERIFIER.verify(state, entry.equals("C") ? PIN : WRONG_PIN);
            outcomes.add(result.outcome().name() + result.attemptsLeft());
            state = result.newState();
        }
        assertThat(String.join(" ", outcomes)).isEqualTo(expectedOutcomes);
        assertThat(state.consecutiveFailures() + " " + state.locked()).isEqualTo(expectedFinal);
        assertThat(state.pinHash()).isEqualTo(fresh.pinHash());
    }

    @Test
    void thirdWrongEntryLocksAndSaysSo() {
        CardPinState twoWrong = new CardPinState(fresh.pinHash(), 2, false);
        PinVerification third = VERIFIER.verify(twoWrong, WRONG_PIN);
        assertThat(third.outcome()).isEqualTo(LOCKED);
        assertThat(third.lockedByThisAttempt()).isTrue();
        assertThat(third.code()).isEqualTo("PIN_LOCKED");
        assertThat(third.messageJa()).contains("3回続けて間違えたため、ロックされました");

        PinVerification afterwards = VERIFIER.verify(third.newState(), PIN);
        assertThat(afterwards.outcome()).isEqualTo(LOCKED);
        assertThat(afterwards.lockedByThisAttempt()).isFalse();
        assertThat(afterwards.newState()).isEqualTo(third.newState());
        assertThat(afterwards.messageJa()).contains("ロックされています");
    }

    @Test
    void wrongEntryMessageTellsAttemptsLeft() {
        PinVerification result = VERIFIER.verify(fresh, WRONG_PIN);
        assertThat(result.outcome()).isEqualTo(WRONG);
        assertThat(result.code()).isEqualTo("PIN_WRONG");
        assertThat(result.messageJa()).isEqualTo("暗証番号が違います。あと2回間違えると暗証番号がロックされます。");
        assertThat(VERIFIER.verify(fresh, PIN).messageJa()).isEqualTo("暗証番号を確認しました。");
        assertThat(VERIFIER.verify(fresh, PIN).outcome()).isEqualTo(OK);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(value = {"NULL", "''", "395", "39520", "３９５２", "39a2"}, nullValues = "NULL")
    void malformedEntryIsRefusedWithoutCountingAsAttempt(String entry) {
        assertThatThrownBy(() -> VERIFIER.verify(fresh, entry))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("PIN_FORMAT"));
    }

    @Test
    void malformedEntryOnLockedCardStillSaysLocked() {
        CardPinState locked = new CardPinState(fresh.pinHash(), 3, true);
        assertThat(VERIFIER.verify(locked, "x").outcome()).isEqualTo(LOCKED);
    }

    @Test
    void setNewPinUnlocksResetsAndRehashes() {
        CardPinState reset = VERIFIER.setNewPin("5031", BIRTH);
        assertThat(reset.locked()).isFalse();
        assertThat(reset.consecutiveFailures()).isZero();
        assertThat(reset.pinHash()).isNotEqualTo(fresh.pinHash()).doesNotContain("5031");
        assertThat(VERIFIER.verify(reset, "5031").outcome()).isEqualTo(OK);
        assertThat(VERIFIER.verify(reset, PIN).outcome()).isEqualTo(WRONG);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"1111, PIN_ALL_SAME", "1234, PIN_ASCENDING_RUN", "0310, PIN_BIRTH_MMDD", "12, PIN_FORMAT"})
    void setNewPinAppliesThePolicy(String pin, String code) {
        assertThatThrownBy(() -> VERIFIER.setNewPin(pin, BIRTH))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void nothingRevealsThePinOrTheHash() {
        PinVerification result = VERIFIER.verify(fresh, WRONG_PIN);
        String hash = fresh.pinHash();
        assertThat(fresh.toString()).doesNotContain(hash).doesNotContain(PIN).contains("****");
        assertThat(result.toString()).doesNotContain(hash).doesNotContain(PIN).doesNotContain(WRONG_PIN);
        assertThat(VERIFIER.toString()).doesNotContain(PIN);
        assertThat(new PinHasher().toString()).isEqualTo("PinHasher[Pbkdf2PasswordEncoder]");
    }

    @Test
    void stateRejectsImpossibleValues() {
        assertThatThrownBy(() -> new CardPinState(" ", 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardPinState(fresh.pinHash(), -1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
