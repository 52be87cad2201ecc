package jp.jukiflow.pin;

import java.time.LocalDate;
import java.util.Objects;

import jp.jukiflow.shared.DigitInput;

/**
 * Rules for a new 4-digit PIN (暗証番号).
 *
 * <ol>
 *   <li>exactly four ASCII digits ({@code PIN_REQUIRED}, {@code PIN_FORMAT}); full-width digits are refused
 *       rather than normalised, because a PIN must be entered exactly as on the card terminal;</li>
 *   <li>none of the configured {@link WeakPinPattern}s ({@code PIN_ALL_SAME}, {@code PIN_ASCENDING_RUN}, …);</li>
 *   <li>if the holder's birth date is known: none of the configured {@link BirthDatePinForm}s
 *       ({@code PIN_BIRTH_MMDD}, …, {@code PIN_BIRTH_YYYY}).</li>
 * </ol>
 * The first broken rule, in this order, is reported.
 */
public final class PinPolicy {

    public static final int LENGTH = 4;

    private final PinPolicySettings settings;

    /** With {@link PinPolicySettings#defaults()}. */
    public PinPolicy() {
        this(PinPolicySettings.defaults());
    }

    PinPolicy(PinPolicySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    PinPolicySettings settings() {
        return settings;
    }

    /**
     * Checks a PIN the resident wants to set.
     *
     * @param pin             the PIN as entered
     * @param holderBirthDate the card holder's birth date, or {@code null} if unknown (birth rules skipped)
     */
    public PinCheck check(String pin, LocalDate holderBirthDate) {
        if (pin == null || pin.isEmpty()) {
            return PinCheck.refused("PIN_REQUIRED", "暗証番号が入力されていません。");
        }
        if (pin.length() != LENGTH || !DigitInput.isAsciiDigits(pin)) {
            return PinCheck.refused("PIN_FORMAT", "暗証番号は半角数字4桁で入力してください。");
        }
        for (WeakPinPattern pattern : WeakPinPattern.values()) {
            if (settings.refusedPatterns().contains(pattern) && pattern.matches(pin)) {
                return PinCheck.refused(pattern.code(),
                        pattern.ruleJa() + "は、推測されやすいため暗証番号に設定できません。");
            }
        }
        if (holderBirthDate != null) {
            for (BirthDatePinForm form : BirthDatePinForm.values()) {
                if (settings.refusedBirthDateForms().contains(form) && pin.equals(form.digitsOf(holderBirthDate))) {
                    return PinCheck.refused(form.code(),
                            "生年月日から推測される番号（" + form.ruleJa() + "）は暗証番号に設定できません。");
                }
            }
        }
        return PinCheck.ok();
    }

    /** Like {@link #check} but throws {@link jp.jukiflow.shared.DomainRuleViolation} if the PIN is refused. */
    public void requireAcceptable(String pin, LocalDate holderBirthDate) {
        check(pin, holderBirthDate).orThrow();
    }

    /** The rules as shown to the resident (Japanese, one rule per line). */
    public String ruleText() {
        StringBuilder text = new StringBuilder()
                .append("暗証番号は数字4桁です。次のルールに沿って設定してください。\n")
                .append("・半角数字（0〜9）4桁で入力してください。\n");
        if (!settings.refusedPatterns().isEmpty()) {
            text.append("・推測されやすい次の番号は設定できません。\n");
            for (WeakPinPattern pattern : WeakPinPattern.values()) {
                if (settings.refusedPatterns().contains(pattern)) {
                    text.append("　－ ").append(pattern.ruleJa()).append('\n');
                }
            }
        }
        if (!settings.refusedBirthDateForms().isEmpty()) {
            text.append("・ご本人の生年月日から推測される次の番号は設定できません。\n");
            for (BirthDatePinForm form : BirthDatePinForm.values()) {
                if (settings.refusedBirthDateForms().contains(form)) {
                    text.append("　－ ").append(form.ruleJa()).append('\n');
                }
            }
        }
        text.append("・暗証番号を").append(PinVerifier.MAX_CONSECUTIVE_FAILURES)
                .append("回続けて間違えるとロックされ、窓口での再設定が必要になります。\n")
                .append("・暗証番号は他人に教えたり、カードと一緒に保管したりしないでください。");
        return text.toString();
    }

    @Override
    public String toString() {
        return "PinPolicy[" + settings + "]";
    }
}
