package jp.jukiflow.card;

import java.util.Optional;

import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may act on a card (docs/domain.md §3, §4, §5, §7): the one rule, per kind of act.
 * <ul>
 *   <li>{@link Reach#ANY_COUNTER}: the wide-area copy (any municipality's counter), the special transfer-in and the
 *       continuation (the destination's counter, while the origin still manages the card).</li>
 *   <li>{@link Reach#MANAGING_OR_RESIDENCE}: the PIN reset, a suspension report, lifting it and the 返納 — the managing
 *       municipality, or the municipality the holder now lives in by the register (住民 or 転出予定 there). After a
 *       special transfer-in and before the continuation the card is still managed by the origin, yet the new town
 *       serves its resident: it resets a locked PIN (then continues the card), takes a suspension report and records
 *       a 返納; and it takes the 国外継続利用 asked before moving abroad.</li>
 *   <li>{@link Reach#MANAGING}: the card entry change, the PIN change and a plain identity check — only where the card
 *       is managed.</li>
 * </ul>
 * A card no act of the operator's municipality reaches reads, where the caller hides it, exactly like an unknown card.
 */
@Service
public class CardJurisdiction {

    static final String PURPOSE = "カードを取り扱う市区町村の確認（住所地）";

    /** What is done with a card. */
    public enum Act {
        WIDE_AREA_COPY("住民票の写しの広域交付", Reach.ANY_COUNTER),
        SPECIAL_TRANSFER_IN("特例転入", Reach.ANY_COUNTER),
        CONTINUATION("カードの継続利用", Reach.ANY_COUNTER),
        PIN_RESET("暗証番号の再設定", Reach.MANAGING_OR_RESIDENCE),
        SUSPENSION("カードの一時停止", Reach.MANAGING_OR_RESIDENCE),
        SUSPENSION_LIFT("一時停止の解除", Reach.MANAGING_OR_RESIDENCE),
        RETURN("カードの返納", Reach.MANAGING_OR_RESIDENCE),
        ABROAD_CONTINUED_USE("国外継続利用", Reach.MANAGING_OR_RESIDENCE),
        ENTRY_CHANGE("カード記載事項の変更", Reach.MANAGING),
        PIN_CHANGE("暗証番号の変更", Reach.MANAGING),
        IDENTITY_CHECK("本人確認", Reach.MANAGING);

        private final String label;
        private final Reach reach;

        Act(String label, Reach reach) {
            this.label = label;
            this.reach = reach;
        }

        public String label() {
            return label;
        }

        public Reach reach() {
            return reach;
        }
    }

    /** Which municipalities an act reaches. */
    public enum Reach {
        ANY_COUNTER, MANAGING_OR_RESIDENCE, MANAGING
    }

    private final ResidentRegister register;
    private final TenantAccess tenants;

    CardJurisdiction(ResidentRegister register, TenantAccess tenants) {
        this.register = register;
        this.tenants = tenants;
    }

    /** The act a PIN is asked for. */
    public static Act act(PinPurpose purpose) {
        return switch (purpose) {
            case SPECIAL_TRANSFER_IN -> Act.SPECIAL_TRANSFER_IN;
            case CARD_CONTINUATION -> Act.CONTINUATION;
            case WIDE_AREA_COPY -> Act.WIDE_AREA_COPY;
            case CARD_ENTRY_CHANGE -> Act.ENTRY_CHANGE;
            case PIN_CHANGE -> Act.PIN_CHANGE;
            case PIN_RESET -> Act.PIN_RESET;
            case IDENTITY_CHECK -> Act.IDENTITY_CHECK;
            case SUSPENSION_LIFT -> Act.SUSPENSION_LIFT;
            case ABROAD_CONTINUED_USE -> Act.ABROAD_CONTINUED_USE;
        };
    }

    /** Whether the counter of {@code municipalityCode} may do {@code act} with the card. */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public boolean mayAct(Card card, Act act, String municipalityCode) {
        if (municipalityCode == null) {
            return false;
        }
        return switch (act.reach()) {
            case ANY_COUNTER -> true;
            case MANAGING -> municipalityCode.equals(card.managingMunicipalityCode());
            case MANAGING_OR_RESIDENCE -> municipalityCode.equals(card.managingMunicipalityCode())
                    || residence(card).filter(municipalityCode::equals).isPresent();
        };
    }

    /**
     * Whether the operator may do {@code act} with the card for some municipality they act for (an admin: always).
     * A caller hiding cards answers "not found" when this is false.
     */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public boolean operatorMayAct(Card card, Act act) {
        TenantAccess.Scope scope = tenants.current();
        if (scope.everything() || act.reach() == Reach.ANY_COUNTER || scope.includes(card.managingMunicipalityCode())) {
            return true;
        }
        return act.reach() == Reach.MANAGING_OR_RESIDENCE && residence(card).filter(scope::includes).isPresent();
    }

    /**
     * Refuses with {@code CARD_MANAGED_ELSEWHERE} and a Japanese message unless {@code municipalityCode} may do the act.
     */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public void require(Card card, Act act, String municipalityCode) {
        if (!mayAct(card, act, municipalityCode)) {
            throw new DomainRuleViolation("CARD_MANAGED_ELSEWHERE", "このカードは他の市区町村が管理しており、カードの所持者も"
                    + "この市区町村の住民ではありません。「" + act.label() + "」は、カードを管理する市区町村"
                    + (act.reach() == Reach.MANAGING ? "" : "または所持者の住所地の市区町村") + "の窓口で行えます。");
        }
    }

    /**
     * The municipality the holder now lives in by the register (住民 or 転出予定 there), if the operator may see it: an
     * operator acts only for municipalities they see, so another one's resident is never their concern.
     */
    private Optional<String> residence(Card card) {
        return register.findVisible(ResidentCode.of(card.holderResidentCode()), PURPOSE)
                .filter(r -> r.status().isResident())
                .map(Resident::municipalityCode);
    }
}
