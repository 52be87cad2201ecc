package jp.jukiflow.register;

/** 氏名 and フリガナ (katakana), family name first as in the register. */
public record PersonName(String familyName, String givenName, String familyNameKana, String givenNameKana) {

    public String full() {
        return familyName + "　" + givenName;
    }

    public String fullKana() {
        return familyNameKana + "　" + givenNameKana;
    }
}
