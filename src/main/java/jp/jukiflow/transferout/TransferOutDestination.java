package jp.jukiflow.transferout;

import java.util.Optional;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * A 転出 goes elsewhere (住民基本台帳法 24条): a move whose destination is the origin itself is a 転居 (法23条), filed
 * at the counter with a 転居届, never a transfer-out. Every intake channel asks this class (through
 * {@link TransferOutRequestValidator}); a refused request stores nothing. A destination left blank means abroad.
 */
public final class TransferOutDestination {

    /** Stable code of the refusal. */
    public static final String TO_ORIGIN = "TRANSFER_OUT_TO_ORIGIN";
    /** The field the refusal names. */
    public static final String FIELD = "newAddress.municipalityCode";

    private TransferOutDestination() {
    }

    /** The refusal as a field error, or empty when the destination is another municipality or abroad. */
    public static Optional<FieldError> check(LocalGovernmentCode origin, LocalGovernmentCode destination) {
        if (origin == null || destination == null || !origin.equals(destination)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(FIELD, TO_ORIGIN, message()));
    }

    /** Throws the refusal when the destination is the origin itself. */
    public static void requireElsewhere(LocalGovernmentCode origin, LocalGovernmentCode destination) {
        check(origin, destination).ifPresent(e -> {
            throw new DomainRuleViolation(e.code(), e.message());
        });
    }

    static String message() {
        return "新住所が現在お住まいの市区町村と同じです。同じ市区町村の中での引越しは転出届ではなく転居届（住民基本台帳法第23条）になります。"
                + "引越しから14日以内に、本人確認書類をお持ちのうえ窓口で転居届をしてください（郵送やウェブでは届け出できません）。";
    }
}
