package jp.jukiflow.card;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Whether a card identifies its holder on a day (docs/domain.md §2, §3, §5, §6): the one rule every PIN request, PIN check
 * and start check uses. A card is usable when it is issued, within its validity ({@link #lastValidDay}: type-aware by
 * {@link CardValidity}, so every JUKI card is expired today) and its status is 有効 — not 一時停止, 廃止, 返納, 失効 or
 * 期限切れ. A refusal carries a stable code, the Japanese reason and what the resident can do instead for the purpose
 * (e.g. a photo ID for a wide-area copy, the ordinary transfer-in with a paper 転出証明書 for a special transfer-in).
 * <p>
 * Two purposes are decided on purpose:
 * <ul>
 *   <li>{@link PinPurpose#SUSPENSION_LIFT}: the only use of a SUSPENDED card — its holder presents the found card to
 *       lift the suspension (the PIN is asked when the municipality's setting wants it).</li>
 *   <li>{@link PinPurpose#PIN_RESET}: needs a usable card like every other purpose. A locked PIN is no obstacle (the
 *       lock is what the reset is for, and it is not a card status), but a suspended card is lifted first (its
 *       holder shows the found card and a photo ID, docs/domain.md §4) and an expired, 廃止, 返納 or 失効 card cannot be
 *       used again whatever its PIN, so a new PIN for it makes no sense: the resident applies for a new card.</li>
 *   <li>{@link PinPurpose#PIN_CHANGE}: as the reset, and a card whose PIN is locked is refused too ({@link #PIN_LOCKED}):
 *       the current PIN cannot be keyed, so the resident is pointed to 「暗証番号の再設定」.</li>
 * </ul>
 */
public final class CardUsability {

    private static final CardValidity VALIDITY = new CardValidity();
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final String PHOTO_ID = "運転免許証・パスポートなど写真付きの本人確認書類で";
    private static final String FOUND = "カードが見つかった場合は、先にカードと写真付きの本人確認書類を窓口に持参して"
            + "一時停止の解除を受けてください。";
    /** Code of the refusal of a PIN change for a card whose PIN is locked: the reset is the way. */
    public static final String PIN_LOCKED = "PIN_LOCKED";
    private static final String NEW_CARD = "新しいマイナンバーカードの交付を申請してください。";

    private CardUsability() {
    }

    /** Whether the card identifies its holder on {@code on} for {@code purpose}, by its recorded validity. */
    public static CardUsabilityCheck check(Card card, PinPurpose purpose, LocalDate on) {
        return check(card, purpose, on, null);
    }

    /**
     * As {@link #check(Card, PinPurpose, LocalDate)}; with the holder's birth date a My Number Card's validity is
     * also computed by {@link CardValidity} (the earlier of that and the recorded day counts).
     */
    public static CardUsabilityCheck check(Card card, PinPurpose purpose, LocalDate on, LocalDate holderBirthDate) {
        String[] refusal = refusal(card, purpose, on, holderBirthDate);
        if (refusal == null) {
            return new CardUsabilityCheck(true, CardUsabilityCheck.USABLE, "カードは使用できます（有効期限："
                    + ja(lastValidDay(card, holderBirthDate)) + "）。", null);
        }
        return new CardUsabilityCheck(false, refusal[0], refusal[1], alternative(purpose, refusal[0]));
    }

    /** Throws {@link CardNotUsable} (stable code, reason and alternative) unless the card is usable. */
    public static Card requireUsable(Card card, PinPurpose purpose, LocalDate on) {
        check(card, purpose, on).orThrow();
        return card;
    }

    /**
     * The card's last valid day (inclusive): a JUKI card's 10 years from its issue ({@link CardValidity}), a My Number
     * Card's recorded day (set at issue from the birthday and the period of stay), the earlier of the recorded day and
     * the rule's when the holder's birth date is known.
     */
    public static LocalDate lastValidDay(Card card, LocalDate holderBirthDate) {
        try {
            CardFacts facts = switch (card.type()) {
                case JUKI -> CardFacts.juki(card.issuedOn());
                case MY_NUMBER -> holderBirthDate == null ? null : CardFacts.myNumber(card.issuedOn(), holderBirthDate);
            };
            if (facts == null) {
                return card.validUntil();
            }
            LocalDate byRule = VALIDITY.validUntil(facts);
            return byRule.isBefore(card.validUntil()) ? byRule : card.validUntil();
        } catch (DomainRuleViolation impossibleFacts) {
            return card.validUntil();
        }
    }

    /** The code and the reason of a refusal, or {@code null} when the card is usable. */
    private static String[] refusal(Card card, PinPurpose purpose, LocalDate on, LocalDate birthDate) {
        String name = "この" + card.type().labelJa() + "は";
        if (on.isBefore(card.issuedOn())) {
            return new String[] {"CARD_NOT_YET_ISSUED", ja(on) + "の時点では、" + name + "まだ交付されていません（交付日："
                    + ja(card.issuedOn()) + "）。"};
        }
        String[] byStatus = switch (card.status()) {
            case ABOLISHED -> new String[] {"CARD_ABOLISHED", name + "廃止されているため、使えません。"};
            case RETURNED -> new String[] {"CARD_RETURNED", name + "返納されているため、使えません。"};
            case LAPSED -> new String[] {"CARD_LAPSED", name + "失効しているため、使えません。"};
            case EXPIRED -> expired(card, birthDate);
            case SUSPENDED, ACTIVE -> null;
        };
        if (byStatus != null) {
            return byStatus;
        }
        if (on.isAfter(lastValidDay(card, birthDate))) {
            return expired(card, birthDate);
        }
        if (card.status() == CardStatus.SUSPENDED && purpose != PinPurpose.SUSPENSION_LIFT) {
            return new String[] {"CARD_SUSPENDED", name + "一時停止中（紛失・盗難などの届出による）のため、本人確認に使えません。"};
        }
        if (purpose == PinPurpose.PIN_CHANGE && card.pin() != null && card.pin().locked()) {
            return new String[] {PIN_LOCKED, name + "暗証番号がロックされているため、暗証番号の変更はできません。"};
        }
        return null;
    }

    private static String[] expired(Card card, LocalDate birthDate) {
        return new String[] {"CARD_EXPIRED", "この" + card.type().labelJa() + "は有効期限（"
                + ja(lastValidDay(card, birthDate)) + "）を過ぎているため、使えません。"};
    }

    private static String alternative(PinPurpose purpose, String code) {
        boolean suspended = "CARD_SUSPENDED".equals(code);
        if (purpose == null) {
            return null;
        }
        return switch (purpose) {
            case WIDE_AREA_COPY -> PHOTO_ID + "請求できます。";
            case IDENTITY_CHECK, SUSPENSION_LIFT -> PHOTO_ID + "本人確認をしてください。";
            case SPECIAL_TRANSFER_IN -> "通常の転入（転出元の市区町村が交付する紙の転出証明書を添えた転入届）で手続きできます。";
            case CARD_CONTINUATION -> suspended ? FOUND + "その後、継続利用の手続きができます。"
                    : "このカードは継続利用できません。" + NEW_CARD;
            case PIN_CHANGE -> PIN_LOCKED.equals(code)
                    ? "本人確認書類を持参のうえ、窓口で「暗証番号の再設定」を申請してください（ロックも解除されます）。"
                    : suspended ? FOUND + "その後、暗証番号の手続きができます。"
                    : "使えないカードの暗証番号は設定できません。" + NEW_CARD;
            case PIN_RESET -> suspended ? FOUND + "その後、暗証番号の手続きができます。"
                    : "使えないカードの暗証番号は設定できません。" + NEW_CARD;
            case CARD_ENTRY_CHANGE -> suspended ? FOUND + "その後、記載事項の変更ができます。"
                    : "使えないカードには記載できません。" + NEW_CARD;
            case ABROAD_CONTINUED_USE -> suspended ? FOUND + "その後、国外継続利用を申し出ることができます。"
                    : "使えないカードは国外で継続利用できません。国外転出の日に失効します。";
        };
    }

    private static String ja(LocalDate date) {
        return date.format(JA_DATE);
    }
}
