package jp.jukiflow.register;

import java.time.LocalDate;

/**
 * A 除票: the record a municipality keeps of a person it removed from its register — 氏名, フリガナ, 生年月日, 性別, 住所,
 * 世帯主 (the head's name), 続柄, 住民票コード, 本籍/筆頭者 where held, as they stood — with the reason, the date and,
 * for a 転出, the destination. It belongs to {@code municipalityCode} alone; {@code honseki} and {@code hittosha} are
 * printed on a copy only when asked for.
 */
public record RemovedRecord(long id, String municipalityCode, ResidentCode code, PersonName name, LocalDate birthDate,
                            Sex sex, Nationality nationality, String postalCode, String address,
                            String headOfHousehold, String relationship, String honseki, String hittosha,
                            String destinationCode, String destinationAddress, RemovalReason reason,
                            LocalDate removedOn, String reference, LocalDate retainUntil) {

    @Override
    public String toString() {
        return "RemovedRecord[" + id + ", " + code + "]";
    }
}
