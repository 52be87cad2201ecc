package jp.jukiflow.transferout;

import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.card.CardType;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.register.Sex;

/** A validated mailed special transfer-out request (typed values, normalised readings). */
public record TransferOutRequest(LocalDate plannedMoveOutDate, LocalDate movedOn, Filer filer, String currentAddress,
                                 String headOfHousehold, LocalGovernmentCode destinationCode, String newAddress,
                                 String newHeadOfHousehold, List<Mover> movers, int cardHolderIndex,
                                 CardType cardType, boolean continuedUse, String phone, String email) {

    public TransferOutRequest {
        movers = List.copyOf(movers);
    }

    public Mover cardHolder() {
        return movers.get(cardHolderIndex);
    }

    /** 届出人と異動者の関係. */
    public enum FilerRelation {
        SELF("本人"), HOUSEHOLD_MEMBER("世帯員"), AGENT("代理人");

        private final String label;

        FilerRelation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static FilerRelation fromLabel(String label) {
            for (FilerRelation r : values()) {
                if (r.label.equals(label) || r.name().equals(label)) {
                    return r;
                }
            }
            return null;
        }
    }

    public record Filer(String name, String nameKana, LocalDate birthDate, FilerRelation relation) {
    }

    public record Mover(String name, String nameKana, LocalDate birthDate, Sex sex, String relationship) {
    }
}
