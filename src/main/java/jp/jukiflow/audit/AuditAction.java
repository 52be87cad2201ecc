package jp.jukiflow.audit;

/** What was done to a person's data. */
public enum AuditAction {
    READ("閲覧"),
    SEARCH("検索"),
    CREATE("登録"),
    UPDATE("更新"),
    DELETE("消除"),
    PROVIDE("提供");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
