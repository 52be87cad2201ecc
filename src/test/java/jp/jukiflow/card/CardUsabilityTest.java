package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a card identifies its holder (docs/domain.md §2–§6), for every status, date edge and purpose. */
class CardUsabilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Card card(CardType type, LocalDate issued, LocalDate until, CardStatus status) {
        return new Card(1, type, "UT1", "12345678901", true, issued, until, status, OKUSHIRI,
                CardPinState.fresh("hash"), 4);
    }

    static Card myNumber(CardStatus status) {
        return card(CardType.MY_NUMBER, LocalDate.of(2024, 4, 1), LocalDate.of(2034, 4, 1), status);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} on {2} for {3} -> {4} ({5})")
    @CsvSource(delimiter = '|', value = {
            // type     | status    | day        | purpose             | code                | state     | alternative
            "MY_NUMBER | ACTIVE    | 2026-12-01 | WIDE_AREA_COPY      | CARD_USABLE         | VALID     | -",
            "MY_NUMBER | ACTIVE    | 2034-04-01 | WIDE_AREA_COPY      | CARD_USABLE         | VALID     | -",
            "MY_NUMBER | ACTIVE    | 2034-04-02 | WIDE_AREA_COPY      | CARD_EXPIRED        | EXPIRED   | 写真付きの本人確認書類で請求できます",
            "MY_NUMBER | ACTIVE    | 2024-03-31 | IDENTITY_CHECK      | CARD_NOT_YET_ISSUED | EXPIRED   | 写真付きの本人確認書類で本人確認",
            // the worst known defect: a stolen, suspended card must not identify anyone
            "MY_NUMBER | SUSPENDED | 2026-12-01 | WIDE_AREA_COPY      | CARD_SUSPENDED      | SUSPENDED | 運転免許証・パスポートなど写真付きの本人確認書類で請求できます",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | SPECIAL_TRANSFER_IN | CARD_SUSPENDED      | SUSPENDED | 通常の転入（転出元の市区町村が交付する紙の転出証明書",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | CARD_CONTINUATION   | CARD_SUSPENDED      | SUSPENDED | 一時停止の解除を受けてください",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | PIN_RESET           | CARD_SUSPENDED      | SUSPENDED | 一時停止の解除を受けてください",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | PIN_CHANGE          | CARD_SUSPENDED      | SUSPENDED | 一時停止の解除",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | CARD_ENTRY_CHANGE   | CARD_SUSPENDED      | SUSPENDED | 一時停止の解除",
            "MY_NUMBER | SUSPENDED | 2026-12-01 | IDENTITY_CHECK      | CARD_SUSPENDED      | SUSPENDED | 写真付きの本人確認書類で本人確認",
            // the found card presented to lift the suspension: the one use of a suspended card
            "MY_NUMBER | SUSPENDED | 2026-12-01 | SUSPENSION_LIFT     | CARD_USABLE         | VALID     | -",
            "MY_NUMBER | SUSPENDED | 2034-04-02 | SUSPENSION_LIFT     | CARD_EXPIRED        | EXPIRED   | 写真付きの本人確認書類",
            "MY_NUMBER | ABOLISHED | 2026-12-01 | WIDE_AREA_COPY      | CARD_ABOLISHED      | ABOLISHED | 写真付きの本人確認書類で請求できます",
            "MY_NUMBER | ABOLISHED | 2026-12-01 | SUSPENSION_LIFT     | CARD_ABOLISHED      | ABOLISHED | 写真付きの本人確認書類",
            "MY_NUMBER | RETURNED  | 2026-12-01 | SPECIAL_TRANSFER_IN | CARD_RETURNED       | ABOLISHED | 通常の転入",
            "MY_NUMBER | LAPSED    | 2026-12-01 | CARD_CONTINUATION   | CARD_LAPSED         | ABOLISHED | 新しいマイナンバーカードの交付を申請",
            "MY_NUMBER | LAPSED    | 2026-12-01 | PIN_RESET           | CARD_LAPSED         | ABOLISHED | 新しいマイナンバーカードの交付を申請",
            "MY_NUMBER | EXPIRED   | 2026-12-01 | PIN_RESET           | CARD_EXPIRED        | EXPIRED   | 新しいマイナンバーカードの交付を申請",
            "MY_NUMBER | EXPIRED   | 2026-12-01 | CARD_ENTRY_CHANGE   | CARD_EXPIRED        | EXPIRED   | 新しいマイナンバーカードの交付を申請",
    })
    void myNumberCard(CardType type, CardStatus status, LocalDate day, PinPurpose purpose, String code, String state,
                      String alternative) {
        CardUsabilityCheck check = CardUsability.check(myNumber(status), purpose, day);
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.usable()).isEqualTo(CardUsabilityCheck.USABLE.equals(code));
        assertThat(check.state()).isEqualTo(state);
        assertThat(check.reasonJa()).isNotBlank();
        if ("-".equals(alternative)) {
            assertThat(check.alternativeJa()).isNull();
        } else {
            assertThat(check.alternativeJa()).contains(alternative);
            assertThat(check.messageJa()).startsWith(check.reasonJa()).endsWith(check.alternativeJa());
        }
    }

    @ParameterizedTest(name = "[{index}] JUKI issued {0}, recorded until {1}, {2} on {3} -> {4}")
    @CsvSource({
            // every JUKI card is expired today, whatever the recorded day says (10 years from issue, issue ended 2015)
            "2015-12-28, 2035-12-27, ACTIVE, 2026-12-01, CARD_EXPIRED",
            "2015-12-28, 2025-12-27, ACTIVE, 2025-12-27, CARD_USABLE",
            "2015-12-28, 2025-12-27, ACTIVE, 2025-12-28, CARD_EXPIRED",
            "2010-05-01, 2020-04-30, SUSPENDED, 2026-12-01, CARD_EXPIRED",
            "2010-05-01, 2020-04-30, RETURNED, 2026-12-01, CARD_RETURNED",
    })
    void jukiCard(LocalDate issued, LocalDate recordedUntil, CardStatus status, LocalDate day, String code) {
        assertThat(CardUsability.check(card(CardType.JUKI, issued, recordedUntil, status), PinPurpose.WIDE_AREA_COPY, day)
                .code()).isEqualTo(code);
    }

    @Test
    void aKnownBirthDateShortensAMyNumberCardToItsRuleNeverLengthensIt() {
        // a minor at issue: the 5th birthday after issue, although the row says ten years
        Card card = card(CardType.MY_NUMBER, LocalDate.of(2022, 7, 1), LocalDate.of(2032, 7, 1), CardStatus.ACTIVE);
        LocalDate child = LocalDate.of(2010, 3, 10);
        assertThat(CardUsability.lastValidDay(card, child)).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(CardUsability.check(card, PinPurpose.IDENTITY_CHECK, LocalDate.of(2027, 3, 11), child).code())
                .isEqualTo("CARD_EXPIRED");
        assertThat(CardUsability.lastValidDay(card, LocalDate.of(1980, 3, 10))).isEqualTo(LocalDate.of(2032, 3, 10));
        assertThat(CardUsability.lastValidDay(card, null)).isEqualTo(LocalDate.of(2032, 7, 1));
    }

    @Test
    void aRefusalIsADomainRuleViolationWithTheStableCodeTheReasonAndTheAlternative() {
        assertThatThrownBy(() -> CardUsability.requireUsable(myNumber(CardStatus.SUSPENDED), PinPurpose.WIDE_AREA_COPY,
                TODAY)).isInstanceOfSatisfying(CardNotUsable.class, e -> {
                    assertThat(e.code()).isEqualTo("CARD_SUSPENDED");
                    assertThat(e.messageJa()).contains("一時停止中").contains("運転免許証・パスポート");
                    assertThat(e.check().usable()).isFalse();
                });
        assertThat(CardUsability.requireUsable(myNumber(CardStatus.ACTIVE), PinPurpose.WIDE_AREA_COPY, TODAY))
                .isNotNull();
    }

    @Test
    void everyPurposeHasAnAlternative() {
        for (PinPurpose purpose : PinPurpose.values()) {
            assertThat(CardUsability.check(myNumber(CardStatus.LAPSED), purpose, TODAY).alternativeJa())
                    .as(purpose.name()).isNotBlank();
        }
    }

    @Test
    void aLockedPinRefusesAChangeAndPointsToTheResetButNotTheResetNorOtherPurposes() {
        Card locked = new Card(1, CardType.MY_NUMBER, "UT1", "12345678901", true, LocalDate.of(2024, 4, 1),
                LocalDate.of(2034, 4, 1), CardStatus.ACTIVE, OKUSHIRI, new CardPinState("hash", 3, true), 4);
        CardUsabilityCheck change = CardUsability.check(locked, PinPurpose.PIN_CHANGE, TODAY);
        assertThat(change.usable()).isFalse();
        assertThat(change.code()).isEqualTo(CardUsability.PIN_LOCKED).isEqualTo("PIN_LOCKED");
        assertThat(change.reasonJa()).contains("暗証番号がロックされているため", "変更はできません");
        assertThat(change.alternativeJa()).contains("「暗証番号の再設定」");
        assertThatThrownBy(() -> CardUsability.requireUsable(locked, PinPurpose.PIN_CHANGE, TODAY))
                .isInstanceOfSatisfying(CardNotUsable.class, e -> assertThat(e.code()).isEqualTo("PIN_LOCKED"));
        // the reset is what a locked PIN needs; the other purposes see the lock at the PIN pad, not here
        assertThat(CardUsability.check(locked, PinPurpose.PIN_RESET, TODAY).usable()).isTrue();
        assertThat(CardUsability.check(locked, PinPurpose.WIDE_AREA_COPY, TODAY).usable()).isTrue();
        assertThat(CardUsability.check(myNumber(CardStatus.ACTIVE), PinPurpose.PIN_CHANGE, TODAY).usable()).isTrue();
    }
}
