package jp.jukiflow.card;

/** Kind of card. */
public enum CardType {
    /** 住民基本台帳カード — issued 2003-08-25 … 2015-12-28. */
    JUKI("住基カード"),
    /** 個人番号カード — issued since 2016-01. */
    MY_NUMBER("マイナンバーカード");

    private final String labelJa;

    CardType(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
