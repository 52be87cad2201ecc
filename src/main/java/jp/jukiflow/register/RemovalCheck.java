package jp.jukiflow.register;

import java.time.LocalDate;

import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;

/** The refusals of a removal (住民票消除), in Japanese with stable codes. */
final class RemovalCheck {

    private RemovalCheck() {
    }

    static void require(ResidentCode code, RemovalReason reason, LocalDate removedOn, LocalDate today) {
        if (code == null) {
            throw new DomainRuleViolation("RESIDENT_CODE_REQUIRED", "消除する方の住民票コードを指定してください。");
        }
        if (reason == null) {
            throw new DomainRuleViolation("REMOVAL_REASON_REQUIRED",
                    "消除の事由（転出・国外転出・死亡・職権消除）を指定してください。");
        }
        if (removedOn == null) {
            throw new DomainRuleViolation("REMOVAL_DATE_REQUIRED", "消除の事由が生じた日を指定してください。");
        }
        if (removedOn.isAfter(today)) {
            throw new DomainRuleViolation("REMOVAL_DATE_IN_FUTURE", "消除の事由が生じた日（" + removedOn
                    + "）が今日より後です。国外転出は転出の日に、死亡は死亡の日以後に消除してください。それまでは住民として記録されます。");
        }
    }

    static ResourceNotFound unknown(ResidentCode code) {
        return new ResourceNotFound("RESIDENT_NOT_FOUND", "住民票コード " + code.value() + " の住民は見つかりません。");
    }

    static DomainRuleViolation alreadyRemoved(ResidentCode code) {
        return new DomainRuleViolation("RESIDENT_ALREADY_REMOVED",
                "住民票コード " + code.value() + " の方は既に住民票が消除されています（除票）。");
    }
}
