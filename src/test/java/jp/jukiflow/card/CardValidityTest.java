package jp.jukiflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardValidityTest {

    private final CardValidity validity = new CardValidity();

    @ParameterizedTest(name = "[{index}] JUKI issued {0} -> valid until {1}")
    @CsvSource({
            "2006-05-01, 2016-04-30",
            "2015-12-01, 2025-11-30",
            "2015-12-28, 2025-12-27",   // the last issue day
            "2003-08-25, 2013-08-24",   // the first issue day
            "2008-02-29, 2018-02-28",   // no 29 Feb in 2018 -> end of February (Civil Code art. 143(2))
            "2012-03-01, 2022-02-28",
    })
    void jukiIsValidForTenYearsCountingTheIssueDay(LocalDate issued, LocalDate until) {
        CardFacts card = CardFacts.juki(issued);
        assertThat(validity.validUntil(card)).isEqualTo(until);
        assertThat(validity.validity(card, until).valid()).isTrue();
        assertThat(validity.validity(card, until.plusDays(1)).code()).isEqualTo("CARD_EXPIRED");
    }

    @Test
    void jukiIssued2006IsExpiredOn20261126() {
        CardValidityCheck check = validity.validity(CardFacts.juki(LocalDate.of(2006, 5, 1)), LocalDate.of(2026, 11, 26));
        assertThat(check.valid()).isFalse();
        assertThat(check.code()).isEqualTo("CARD_EXPIRED");
        assertThat(check.reasonJa()).isEqualTo("有効期限（2016年4月30日）を過ぎているため、カードは期限切れです。");
        assertThat(check.validUntil()).isEqualTo(LocalDate.of(2016, 4, 30));
    }

    @Test
    void noJukiCardIsValidOnOrAfter20251228() {
        LocalDate day = CardValidity.JUKI_FIRST_ISSUE_DATE;
        while (!day.isAfter(CardValidity.JUKI_LAST_ISSUE_DATE)) {
            CardFacts card = CardFacts.juki(day);
            assertThat(validity.validUntil(card)).isBefore(LocalDate.of(2025, 12, 28));
            assertThat(validity.validity(card, LocalDate.of(2025, 12, 28)).valid()).isFalse();
            day = day.plusDays(1);
        }
    }

    @ParameterizedTest(name = "[{index}] JUKI issued {0} -> {1}")
    @CsvSource({
            "2015-12-29, CARD_JUKI_ISSUED_AFTER_END",
            "2016-01-05, CARD_JUKI_ISSUED_AFTER_END",
            "2003-08-24, CARD_JUKI_ISSUED_BEFORE_START",
    })
    void jukiIssueDateOutsideTheIssuancePeriodIsInvalidInput(LocalDate issued, String code) {
        assertThatThrownBy(() -> CardFacts.juki(issued))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest(name = "[{index}] born {0}, issued {1}, application {2} -> card {3}, certificate {4}")
    @CsvSource(nullValues = "NULL", value = {
            // adult: 10th birthday after issue
            "1980-03-10, 2020-06-15, NULL,       2030-03-10, 2025-03-10",
            // child: 5th birthday after issue. The birthday 2020-08-01 already counts as the first one, so this
            // is 2024-08-01 (not 2025-08-01): a child's card lasts between 4 and 5 years.
            "2012-08-01, 2020-06-15, NULL,       2024-08-01, 2024-08-01",
            // issued on the birthday: that birthday is not 'after' the issue date
            "1980-06-15, 2020-06-15, NULL,       2030-06-15, 2025-06-15",
            // birthday the day after issue counts as the first one
            "1980-06-16, 2020-06-15, NULL,       2029-06-16, 2024-06-16",
            // 19 years old, applied and issued before 2022-04-01: adult age was 20 -> 5 birthdays
            "2002-05-01, 2021-10-01, NULL,       2026-05-01, 2026-05-01",
            // 19 years old, issued after 2022-04-01: adult age 18 -> 10 birthdays
            "2003-05-01, 2022-10-01, NULL,       2032-05-01, 2027-05-01",
            // 18, issued after the change but application received before it: still the old age 20
            "2003-05-01, 2022-04-20, 2022-03-20, 2026-05-01, 2026-05-01",
            "2003-05-01, 2022-04-20, 2022-04-01, 2031-05-01, 2026-05-01",
            // 年齢計算ニ関スル法律: an age is attained at the end of the day before the birthday. 18th birthday on the
            // issue day -> adult; on the day after -> adult as well (18 at the end of the issue day); two days after
            // -> minor
            "2004-07-01, 2022-07-01, NULL,       2032-07-01, 2027-07-01",
            "2004-07-02, 2022-07-01, NULL,       2031-07-02, 2026-07-02",
            "2004-07-03, 2022-07-01, NULL,       2026-07-03, 2026-07-03",
            // born 29 February, 18 in a common year: attained at the end of 28 February -> adult on 28 February,
            // minor on the 27th
            "2008-02-29, 2026-02-28, NULL,       2036-02-29, 2031-02-28",
            "2008-02-29, 2026-02-27, NULL,       2030-02-28, 2030-02-28",
            // born 29 February: birthday in a common year taken as 28 February
            "2000-02-29, 2020-06-15, NULL,       2030-02-28, 2025-02-28",
            // 19 in 2019 (adult age 20 then) -> 5 birthdays: 2020-02-29, 2021-02-28, …, 2024-02-29
            "2000-02-29, 2019-06-15, NULL,       2024-02-29, 2024-02-29",
    })
    void myNumberCardAndCertificate(LocalDate born, LocalDate issued, LocalDate applicationReceived,
                                    LocalDate cardUntil, LocalDate certificateUntil) {
        CardFacts card = CardFacts.myNumber(issued, born).withApplicationReceivedOn(applicationReceived);
        assertThat(validity.validUntil(card)).isEqualTo(cardUntil);
        assertThat(validity.certificateValidUntil(card)).isEqualTo(certificateUntil);
        assertThat(validity.validity(card, cardUntil).valid()).isTrue();
        assertThat(validity.validity(card, cardUntil.plusDays(1)).code()).isEqualTo("CARD_EXPIRED");
    }

    @ParameterizedTest(name = "[{index}] born {0}, on {1} -> age {2}")
    @CsvSource({
            // 年齢計算ニ関スル法律: the age is attained at the end of the day before the birthday
            "2004-07-02, 2022-07-02, 18",   // the birthday itself
            "2004-07-02, 2022-07-01, 18",   // the day before: attained at its end
            "2004-07-02, 2022-06-30, 17",   // two days before
            "2008-02-29, 2026-02-28, 18",   // born 29 February, common year: attained at the end of 28 February
            "2008-02-29, 2026-02-27, 17",
            "2008-02-29, 2028-02-28, 20",   // leap year: the day before 29 February
            "2008-02-29, 2028-02-27, 19",
    })
    void ageFollowsTheActOnTheCalculationOfAge(LocalDate born, LocalDate on, int age) {
        assertThat(CardValidity.ageOn(born, on)).isEqualTo(age);
    }

    @Test
    void renewedCertificateRunsToTheFifthBirthdayAfterItsOwnIssueButNotBeyondTheCard() {
        CardFacts card = CardFacts.myNumber(LocalDate.of(2020, 6, 15), LocalDate.of(1980, 3, 10));
        assertThat(validity.certificateValidUntil(card, LocalDate.of(2025, 1, 20))).isEqualTo(LocalDate.of(2029, 3, 10));
        assertThat(validity.certificateValidUntil(card, LocalDate.of(2026, 1, 20))).isEqualTo(LocalDate.of(2030, 3, 10));
        assertThatThrownBy(() -> validity.certificateValidUntil(card, LocalDate.of(2020, 6, 14)))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("CARD_CERTIFICATE_BEFORE_CARD"));
    }

    @Test
    void jukiHasNoCertificatePeriodDerivedFromTheCard() {
        assertThatThrownBy(() -> validity.certificateValidUntil(CardFacts.juki(LocalDate.of(2010, 1, 1))))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("CARD_CERTIFICATE_NOT_APPLICABLE"));
    }

    @ParameterizedTest(name = "[{index}] {0} issued {1}, stay until {2} -> valid until {3}")
    @CsvSource({
            "MY_NUMBER, 2023-04-01, 2026-03-31, 2026-03-31",
            "MY_NUMBER, 2023-04-01, 2040-12-31, 2033-01-01",
            "JUKI,      2014-01-10, 2015-01-09, 2015-01-09",
            "JUKI,      2014-01-10, 2030-01-01, 2024-01-09",
    })
    void foreignResidentCappedByPeriodOfStay(CardType type, LocalDate issued, LocalDate stayEnd, LocalDate until) {
        LocalDate born = LocalDate.of(1990, 1, 1);
        CardFacts card = (type == CardType.JUKI ? CardFacts.juki(issued) : CardFacts.myNumber(issued, born))
                .withPeriodOfStayEnd(stayEnd);
        assertThat(validity.validUntil(card)).isEqualTo(until);
        assertThat(validity.validity(card, until).valid()).isTrue();
        CardValidityCheck after = validity.validity(card, until.plusDays(1));
        assertThat(after.valid()).isFalse();
        assertThat(after.code()).isEqualTo(stayEnd.equals(until) ? "CARD_STAY_PERIOD_ENDED" : "CARD_EXPIRED");
    }

    @Test
    void certificateIsCappedByTheStay() {
        CardFacts card = CardFacts.myNumber(LocalDate.of(2023, 4, 1), LocalDate.of(1990, 1, 1))
                .withPeriodOfStayEnd(LocalDate.of(2026, 3, 31));
        assertThat(validity.certificateValidUntil(card)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(validity.validity(card, LocalDate.of(2026, 4, 1)).reasonJa())
                .isEqualTo("在留期間の満了日（2026年3月31日）を過ぎているため、カードは有効ではありません。");
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}: {3}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "ACTIVE    | NULL                  | CARD_VALID      | カードは有効です（有効期限：2030年3月10日）。",
            "SUSPENDED | NULL                  | CARD_SUSPENDED  | カードは一時停止中です。",
            "ABOLISHED | NULL                  | CARD_ABOLISHED  | カードは廃止済みです。",
            "EXPIRED   | NULL                  | CARD_EXPIRED    | カードは期限切れです。",
            "LAPSED    | DEATH                 | CARD_LAPSED     | カードは失効しています（理由：死亡）。",
            "LAPSED    | MOVED_ABROAD          | CARD_LAPSED     | カードは失効しています（理由：国外転出）。",
            "LAPSED    | NOT_CONTINUED         | CARD_LAPSED     | カードは失効しています（理由：継続利用なし（失効））。",
            "LAPSED    | RESIDENT_CODE_CHANGED | CARD_LAPSED     | カードは失効しています（理由：住民票コード変更）。",
            "RETURNED  | RETURNED              | CARD_RETURNED   | カードは返納済みです（理由：返納）。",
            "ABOLISHED | ABOLISHED             | CARD_ABOLISHED  | カードは廃止済みです（理由：廃止）。",
            "ACTIVE    | REGISTER_DELETED      | CARD_INVALIDATED | カードは失効しています（理由：住民票消除、失効日：2024年1月5日）。",
    })
    void statusAndEarlyInvalidation(CardStatus status, InvalidationReason reason, String code, String reasonJa) {
        CardFacts card = CardFacts.myNumber(LocalDate.of(2020, 6, 15), LocalDate.of(1980, 3, 10)).withStatus(status);
        if (reason != null) {
            card = card.withInvalidation(reason, LocalDate.of(2024, 1, 5));
        }
        CardValidityCheck check = validity.validity(card, LocalDate.of(2024, 6, 1));
        assertThat(check.valid()).isEqualTo(code.equals("CARD_VALID"));
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.reasonJa()).isEqualTo(reasonJa);
        assertThat(check.invalidationReason()).isEqualTo(reason);
    }

    @Test
    void earlyInvalidationTakesEffectOnItsDate() {
        CardFacts card = CardFacts.juki(LocalDate.of(2015, 1, 10)).withInvalidation(InvalidationReason.MY_NUMBER_ISSUED,
                LocalDate.of(2020, 2, 3));
        assertThat(validity.validity(card, LocalDate.of(2020, 2, 2)).valid()).isTrue();
        CardValidityCheck check = validity.validity(card, LocalDate.of(2020, 2, 3));
        assertThat(check.code()).isEqualTo("CARD_INVALIDATED");
        assertThat(check.reasonJa()).contains("マイナンバーカード交付");
    }

    @Test
    void notYetIssued() {
        CardValidityCheck check = validity.validity(CardFacts.juki(LocalDate.of(2010, 4, 1)), LocalDate.of(2010, 3, 31));
        assertThat(check.code()).isEqualTo("CARD_NOT_YET_ISSUED");
        assertThat(check.reasonJa()).contains("まだ発行されていません");
    }

    @Test
    void inconsistentFactsAreInvalidInput() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        LocalDate issued = LocalDate.of(2020, 6, 15);
        assertRule(() -> CardFacts.myNumber(LocalDate.of(2015, 12, 31), born), "CARD_MY_NUMBER_ISSUED_BEFORE_START");
        assertRule(() -> CardFacts.myNumber(issued, null), "CARD_HOLDER_BIRTH_DATE_REQUIRED");
        assertRule(() -> CardFacts.myNumber(null, born), "CARD_ISSUE_DATE_REQUIRED");
        assertRule(() -> CardFacts.myNumber(issued, issued.plusDays(1)), "CARD_ISSUED_BEFORE_BIRTH");
        assertRule(() -> CardFacts.myNumber(issued, born).withApplicationReceivedOn(issued.plusDays(1)),
                "CARD_APPLICATION_AFTER_ISSUE");
        assertRule(() -> CardFacts.myNumber(issued, born).withPeriodOfStayEnd(issued.minusDays(1)),
                "CARD_STAY_ENDS_BEFORE_ISSUE");
        assertRule(() -> CardFacts.myNumber(issued, born).withInvalidation(InvalidationReason.MY_NUMBER_ISSUED, issued),
                "CARD_INVALIDATION_NOT_APPLICABLE");
        assertRule(() -> CardFacts.myNumber(issued, born).withInvalidation(InvalidationReason.DEATH, issued.minusDays(1)),
                "CARD_INVALIDATION_BEFORE_ISSUE");
    }

    private static void assertRule(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageJa()).isNotBlank();
        });
    }
}
