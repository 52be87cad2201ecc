package jp.jukiflow.register;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person as a 転出証明書情報 describes them to the destination: 住民票コード, 氏名 and フリガナ, 生年月日, 性別. No 本籍 or
 * 筆頭者 (docs/domain.md §8): a row created from it leaves them empty.
 */
public record MovingInPerson(ResidentCode code, PersonName name, LocalDate birthDate, Sex sex) {

    public MovingInPerson {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    @Override
    public String toString() {
        return "MovingInPerson[" + code + "]";
    }
}
