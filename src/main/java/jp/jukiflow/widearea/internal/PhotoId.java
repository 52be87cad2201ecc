package jp.jukiflow.widearea.internal;

/** The photo IDs a counter accepts instead of the card and its PIN (docs/domain.md §7). */
enum PhotoId {
    DRIVERS_LICENSE("運転免許証"),
    PASSPORT("旅券"),
    RESIDENCE_CARD("在留カード"),
    OTHER("その他");

    private final String label;

    PhotoId(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
