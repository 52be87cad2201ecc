package jp.jukiflow.register;

/** 氏名 and フリガナ (katakana), family name first as in the register. */
public record PersonName(String familyName, String givenName, String familyNameKana, String givenNameKana) {

    public String full() {
        return familyName + "　" + givenName;
    }

    public String fullKana() {
        return familyNameKana + "　" + givenNameKana;
    }

    /**
     * The name as a 転出証明書情報 carries it, one text each for 氏名 and フリガナ, split back into family and given name
     * the way the origin matched it against its register: at the first run of spaces (half- or full-width), family
     * name first. The origin only sends names it matched that way, so the split gives back its register's parts. A text
     * without a space (a フリガナ typed in one piece) is kept whole as the family part, the given part left empty,
     * rather than guessed.
     */
    public static PersonName fromCertificate(String name, String nameKana) {
        String[] n = split(name);
        String[] k = split(nameKana);
        return new PersonName(n[0], n[1], k[0], k[1]);
    }

    private static String[] split(String text) {
        String stripped = text == null ? "" : text.strip();
        String[] parts = stripped.split("[\\s\\u3000]+", 2);
        return parts.length == 2 ? parts : new String[]{stripped, ""};
    }
}
