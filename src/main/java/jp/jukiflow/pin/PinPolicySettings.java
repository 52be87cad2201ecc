package jp.jukiflow.pin;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which PIN shapes and birth-date forms {@link PinPolicy} refuses.
 *
 * @param refusedPatterns       refused guessable shapes
 * @param refusedBirthDateForms refused birth-date derived forms (only checked when the birth date is known)
 */
record PinPolicySettings(Set<WeakPinPattern> refusedPatterns, Set<BirthDatePinForm> refusedBirthDateForms) {

    public PinPolicySettings {
        refusedPatterns = refusedPatterns == null ? Set.of() : Set.copyOf(refusedPatterns);
        refusedBirthDateForms = refusedBirthDateForms == null ? Set.of() : Set.copyOf(refusedBirthDateForms);
    }

    /** The default: refuse every known shape (including wrap-around runs and 2580) and every birth-date form. */
    public static PinPolicySettings defaults() {
        return new PinPolicySettings(EnumSet.allOf(WeakPinPattern.class), EnumSet.allOf(BirthDatePinForm.class));
    }

    /** Exactly the minimum rules of the original specification: no keypad column, no Japanese era forms. */
    public static PinPolicySettings minimal() {
        return new PinPolicySettings(
                EnumSet.complementOf(EnumSet.of(WeakPinPattern.KEYPAD_COLUMN)),
                EnumSet.complementOf(EnumSet.of(BirthDatePinForm.WAREKI_YYMM, BirthDatePinForm.WAREKI_MMYY)));
    }
}
