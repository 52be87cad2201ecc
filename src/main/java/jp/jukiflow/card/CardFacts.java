package jp.jukiflow.card;

import java.time.LocalDate;
import java.util.Objects;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * The facts about one card that its validity depends on. Create with {@link #juki(LocalDate)} or
 * {@link #myNumber(LocalDate, LocalDate)} and refine with the {@code with…} methods.
 *
 * @param type                  card type
 * @param issueDate             issue date (発行日)
 * @param holderBirthDate       holder's birth date; required for {@link CardType#MY_NUMBER}, optional for JUKI
 * @param status                recorded status
 * @param invalidation          early invalidation, or {@code null}
 * @param periodOfStayEnd       foreign residents: last day of the period of stay (在留期間の満了日), or {@code null}
 * @param applicationReceivedOn MY_NUMBER: day J-LIS received the application (申請受付日), or {@code null}
 *                              (then the issue date is used to pick the adult age 20/18)
 */
public record CardFacts(
        CardType type,
        LocalDate issueDate,
        LocalDate holderBirthDate,
        CardStatus status,
        Invalidation invalidation,
        LocalDate periodOfStayEnd,
        LocalDate applicationReceivedOn) {

    public CardFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (issueDate == null) {
            throw violation("CARD_ISSUE_DATE_REQUIRED", "カードの発行日が入力されていません。");
        }
        if (type == CardType.JUKI && issueDate.isBefore(CardValidity.JUKI_FIRST_ISSUE_DATE)) {
            throw violation("CARD_JUKI_ISSUED_BEFORE_START",
                    "住基カードの発行日が正しくありません（住基カードの交付は2003年8月25日に始まりました）。");
        }
        if (type == CardType.JUKI && issueDate.isAfter(CardValidity.JUKI_LAST_ISSUE_DATE)) {
            throw violation("CARD_JUKI_ISSUED_AFTER_END",
                    "住基カードの発行日が正しくありません（住基カードの交付は2015年12月28日で終了しています）。");
        }
        if (type == CardType.MY_NUMBER && issueDate.isBefore(CardValidity.MY_NUMBER_FIRST_ISSUE_DATE)) {
            throw violation("CARD_MY_NUMBER_ISSUED_BEFORE_START",
                    "マイナンバーカードの発行日が正しくありません（交付は2016年1月に始まりました）。");
        }
        if (type == CardType.MY_NUMBER && holderBirthDate == null) {
            throw violation("CARD_HOLDER_BIRTH_DATE_REQUIRED",
                    "マイナンバーカードの有効期限の計算には、カード所持者の生年月日が必要です。");
        }
        if (holderBirthDate != null && holderBirthDate.isAfter(issueDate)) {
            throw violation("CARD_ISSUED_BEFORE_BIRTH", "カードの発行日が生年月日より前になっています。");
        }
        if (applicationReceivedOn != null && applicationReceivedOn.isAfter(issueDate)) {
            throw violation("CARD_APPLICATION_AFTER_ISSUE", "申請受付日がカードの発行日より後になっています。");
        }
        if (periodOfStayEnd != null && periodOfStayEnd.isBefore(issueDate)) {
            throw violation("CARD_STAY_ENDS_BEFORE_ISSUE", "在留期間の満了日がカードの発行日より前になっています。");
        }
        if (invalidation != null && !invalidation.reason().appliesTo(type)) {
            throw violation("CARD_INVALIDATION_NOT_APPLICABLE",
                    "「" + invalidation.reason().labelJa() + "」は" + type.labelJa() + "の失効理由になりません。");
        }
        if (invalidation != null && invalidation.effectiveOn().isBefore(issueDate)) {
            throw violation("CARD_INVALIDATION_BEFORE_ISSUE", "失効日がカードの発行日より前になっています。");
        }
    }

    /** An active JUKI card (住基カード). */
    public static CardFacts juki(LocalDate issueDate) {
        return new CardFacts(CardType.JUKI, issueDate, null, CardStatus.ACTIVE, null, null, null);
    }

    /** An active My Number card (マイナンバーカード). */
    public static CardFacts myNumber(LocalDate issueDate, LocalDate holderBirthDate) {
        return new CardFacts(CardType.MY_NUMBER, issueDate, holderBirthDate, CardStatus.ACTIVE, null, null, null);
    }

    public CardFacts withHolderBirthDate(LocalDate birthDate) {
        return new CardFacts(type, issueDate, birthDate, status, invalidation, periodOfStayEnd, applicationReceivedOn);
    }

    public CardFacts withStatus(CardStatus newStatus) {
        return new CardFacts(type, issueDate, holderBirthDate, newStatus, invalidation, periodOfStayEnd,
                applicationReceivedOn);
    }

    public CardFacts withInvalidation(InvalidationReason reason, LocalDate effectiveOn) {
        return new CardFacts(type, issueDate, holderBirthDate, status, new Invalidation(reason, effectiveOn),
                periodOfStayEnd, applicationReceivedOn);
    }

    public CardFacts withPeriodOfStayEnd(LocalDate lastDayOfStay) {
        return new CardFacts(type, issueDate, holderBirthDate, status, invalidation, lastDayOfStay,
                applicationReceivedOn);
    }

    public CardFacts withApplicationReceivedOn(LocalDate receivedOn) {
        return new CardFacts(type, issueDate, holderBirthDate, status, invalidation, periodOfStayEnd, receivedOn);
    }

    private static DomainRuleViolation violation(String code, String messageJa) {
        return new DomainRuleViolation(code, messageJa);
    }
}
