package jp.jukiflow.register;

/** Nationals have 本籍 and 筆頭者; foreign residents have a period of stay instead. */
public enum Nationality {
    JAPANESE("日本人"),
    FOREIGN("外国人");

    private final String label;

    Nationality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
