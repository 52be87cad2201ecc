package jp.jukiflow.transferout;

import java.util.List;

/**
 * A mailed special transfer-out (郵送による特例転出届) exactly as the resident (or a clerk typing a letter) wrote it:
 * every value is text, so that an impossible date or a wrong code becomes a field error in Japanese instead of a
 * parse failure. Every intake channel (web form, JSON API, e-mail, paper) produces one of these; only
 * {@link TransferOutRequestValidator} turns it into a {@link TransferOutRequest}.
 *
 * <p>Field names are those of the JSON API: {@code plannedMoveOutDate}, {@code movedOn}, {@code filer.name}, …,
 * {@code movers[0].birthDate}, {@code cardHolderIndex}, {@code cardType} (JUKI|MY_NUMBER), {@code continuedUse}
 * (true|false), {@code phone}, {@code email}.
 */
public record TransferOutForm(String plannedMoveOutDate, String movedOn, Filer filer, String currentAddress,
                              String headOfHousehold, NewAddress newAddress, String newHeadOfHousehold,
                              List<Mover> movers, String cardHolderIndex, String cardType, String continuedUse,
                              String phone, String email) {

    public TransferOutForm {
        movers = movers == null ? List.of() : List.copyOf(movers);
    }

    /** 届出人: name, reading, birth date and relation (本人 | 世帯員 | 代理人). */
    public record Filer(String name, String nameKana, String birthDate, String relation) {
    }

    /** 新住所: the destination municipality's 6-digit code and the address there. */
    public record NewAddress(String municipalityCode, String address) {
    }

    /** 異動者: one person moving (性別 男|女, 続柄 世帯主|妻|子|…). */
    public record Mover(String name, String nameKana, String birthDate, String sex, String relationship) {
    }
}
