package jp.jukiflow.card;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Validity periods of JUKI and My Number cards.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>JUKI</b> (住基カード): 10 years counted from the issue date, the issue date being day one
 *       (発行の日から起算して10年). The period therefore ends on the day <em>before</em> the 10th anniversary
 *       (2015-12-01 → 2025-11-30). If the anniversary does not exist (issued on 29 February), the period ends
 *       on the last day of that February (Civil Code art. 143(2)). Issuance ran 2003-08-25 … 2015-12-28, so no
 *       JUKI card is valid on or after 2025-12-28.</li>
 *   <li><b>MY_NUMBER</b> (マイナンバーカード): until the holder's 10th birthday after the issue date if the
 *       holder is an adult on the issue date, otherwise until the 5th birthday after the issue date. The adult
 *       age is 18 for applications received on or after 2022-04-01 and 20 before (the civil-law age of majority
 *       changed; J-LIS uses the application receipt date, see {@link CardFacts#applicationReceivedOn()}). The age on the
 *       issue date follows 年齢計算ニ関スル法律 ({@link #ageOn}): someone whose 18th birthday is the day after the issue
 *       is 18 on the issue day.
 *       "After the issue date" is strict: a birthday on the issue date does not count. For holders born on
 *       29 February, the birthday in a common year is taken as 28 February.</li>
 *   <li><b>Electronic certificate</b> (JPKI, My Number card only): until the 5th birthday after its issue
 *       date, never beyond the card.</li>
 *   <li><b>Foreign residents</b> with a period of stay: never beyond the last day of the period of stay.</li>
 * </ul>
 * All "valid until" dates are inclusive (the card is valid on that day).
 */
public final class CardValidity {

    public static final LocalDate JUKI_FIRST_ISSUE_DATE = LocalDate.of(2003, 8, 25);
    public static final LocalDate JUKI_LAST_ISSUE_DATE = LocalDate.of(2015, 12, 28);
    public static final LocalDate MY_NUMBER_FIRST_ISSUE_DATE = LocalDate.of(2016, 1, 1);
    /** Applications received from this day on use adult age 18 instead of 20. */
    public static final LocalDate ADULT_AGE_18_FROM = LocalDate.of(2022, 4, 1);

    private static final int JUKI_YEARS = 10;
    private static final int ADULT_BIRTHDAYS = 10;
    private static final int MINOR_BIRTHDAYS = 5;
    private static final int CERTIFICATE_BIRTHDAYS = 5;
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    /** Last valid day of the card (inclusive), including the period-of-stay cap. */
    public LocalDate validUntil(CardFacts facts) {
        return capByStay(regularValidUntil(facts), facts);
    }

    /** Last valid day (inclusive) of the electronic certificate issued together with the card. */
    public LocalDate certificateValidUntil(CardFacts facts) {
        return certificateValidUntil(facts, facts.issueDate());
    }

    /** Last valid day (inclusive) of an electronic certificate issued on {@code certificateIssueDate}. */
    public LocalDate certificateValidUntil(CardFacts facts, LocalDate certificateIssueDate) {
        if (facts.type() != CardType.MY_NUMBER) {
            throw new DomainRuleViolation("CARD_CERTIFICATE_NOT_APPLICABLE",
                    "住基カードの電子証明書の有効期限は、カードの発行日からは計算できません（証明書ごとに発行日から3年間です）。");
        }
        if (certificateIssueDate.isBefore(facts.issueDate())) {
            throw new DomainRuleViolation("CARD_CERTIFICATE_BEFORE_CARD",
                    "電子証明書の発行日がカードの発行日より前になっています。");
        }
        LocalDate byBirthday = nthBirthdayAfter(facts.holderBirthDate(), certificateIssueDate, CERTIFICATE_BIRTHDAYS);
        LocalDate cardUntil = validUntil(facts);
        return byBirthday.isAfter(cardUntil) ? cardUntil : byBirthday;
    }

    /**
     * Last valid day (inclusive) of a My Number card's electronic certificate issued on {@code certificateIssueDate}:
     * the holder's 5th birthday after that day, never beyond the card's own last valid day.
     */
    public LocalDate certificateValidUntil(LocalDate holderBirthDate, LocalDate certificateIssueDate,
                                           LocalDate cardValidUntil) {
        LocalDate byBirthday = nthBirthdayAfter(holderBirthDate, certificateIssueDate, CERTIFICATE_BIRTHDAYS);
        return byBirthday.isAfter(cardValidUntil) ? cardValidUntil : byBirthday;
    }

    /** Whether the card is valid on {@code date}, and if not, why (in Japanese). */
    public CardValidityCheck validity(CardFacts facts, LocalDate date) {
        LocalDate regularUntil = regularValidUntil(facts);
        LocalDate until = capByStay(regularUntil, facts);
        Invalidation invalidation = facts.invalidation();
        InvalidationReason reason = invalidation == null ? null : invalidation.reason();

        if (date.isBefore(facts.issueDate())) {
            return invalid("CARD_NOT_YET_ISSUED",
                    ja(date) + "の時点では、カードはまだ発行されていません（発行日：" + ja(facts.issueDate()) + "）。",
                    until, null);
        }
        if (facts.status() != CardStatus.ACTIVE) {
            String because = reason == null ? "" : "（理由：" + reason.labelJa() + "）";
            return invalid("CARD_" + facts.status().name(), statusSentence(facts.status(), because), until, reason);
        }
        if (invalidation != null && !date.isBefore(invalidation.effectiveOn())) {
            return invalid("CARD_INVALIDATED", "カードは失効しています（理由：" + reason.labelJa()
                    + "、失効日：" + ja(invalidation.effectiveOn()) + "）。", until, reason);
        }
        if (date.isAfter(until)) {
            if (until.isBefore(regularUntil)) {
                return invalid("CARD_STAY_PERIOD_ENDED",
                        "在留期間の満了日（" + ja(until) + "）を過ぎているため、カードは有効ではありません。", until, null);
            }
            return invalid("CARD_EXPIRED", "有効期限（" + ja(until) + "）を過ぎているため、カードは期限切れです。", until, null);
        }
        return new CardValidityCheck(true, "CARD_VALID", "カードは有効です（有効期限：" + ja(until) + "）。", until, null);
    }

    private static LocalDate regularValidUntil(CardFacts facts) {
        return switch (facts.type()) {
            case JUKI -> endOfYearsCountedFrom(facts.issueDate(), JUKI_YEARS);
            case MY_NUMBER -> nthBirthdayAfter(facts.holderBirthDate(), facts.issueDate(),
                    isAdultOnIssue(facts) ? ADULT_BIRTHDAYS : MINOR_BIRTHDAYS);
        };
    }

    private static boolean isAdultOnIssue(CardFacts facts) {
        LocalDate reference = facts.applicationReceivedOn() != null ? facts.applicationReceivedOn() : facts.issueDate();
        int adultAge = reference.isBefore(ADULT_AGE_18_FROM) ? 20 : 18;
        return ageOn(facts.holderBirthDate(), facts.issueDate()) >= adultAge;
    }

    /**
     * The age on {@code day} by 年齢計算ニ関スル法律 (with Civil Code art. 143): age is counted from the day of birth,
     * and a person attains an age at the end of the day before the birthday — so on that day already, and someone
     * born on 29 February attains it at the end of 28 February in a common year.
     */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day.plusDays(1)).getYears();
    }

    /** Last day of a period of {@code years} years whose first day is {@code start} (Civil Code art. 143). */
    static LocalDate endOfYearsCountedFrom(LocalDate start, int years) {
        LocalDate anniversary = start.plusYears(years); // 29 Feb → 28 Feb in a common year
        boolean anniversaryExists = anniversary.getDayOfMonth() == start.getDayOfMonth();
        return anniversaryExists ? anniversary.minusDays(1) : anniversary;
    }

    /** The n-th birthday strictly after {@code after}; 29 February becomes 28 February in common years. */
    static LocalDate nthBirthdayAfter(LocalDate birthDate, LocalDate after, int n) {
        MonthDay birthday = MonthDay.from(birthDate);
        int year = after.getYear();
        if (!birthday.atYear(year).isAfter(after)) {
            year++;
        }
        return birthday.atYear(year + n - 1);
    }

    private static LocalDate capByStay(LocalDate until, CardFacts facts) {
        LocalDate stayEnd = facts.periodOfStayEnd();
        return stayEnd != null && stayEnd.isBefore(until) ? stayEnd : until;
    }

    private static String statusSentence(CardStatus status, String because) {
        return switch (status) {
            case SUSPENDED -> "カードは一時停止中です" + because + "。";
            case ABOLISHED -> "カードは廃止済みです" + because + "。";
            case EXPIRED -> "カードは期限切れです" + because + "。";
            case LAPSED -> "カードは失効しています" + because + "。";
            case RETURNED -> "カードは返納済みです" + because + "。";
            case ACTIVE -> throw new IllegalStateException("active card has no invalidity sentence");
        };
    }

    private static CardValidityCheck invalid(String code, String reasonJa, LocalDate until, InvalidationReason reason) {
        return new CardValidityCheck(false, code, reasonJa, until, reason);
    }

    private static String ja(LocalDate date) {
        return date.format(JA_DATE);
    }
}
