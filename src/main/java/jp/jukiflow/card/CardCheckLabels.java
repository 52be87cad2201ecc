package jp.jukiflow.card;

/**
 * The words a clerk reads for the codes a process keeps about the presented card (the decisions' inputs stay codes):
 * the card's state as a label (「有効」, not {@code VALID}) and the PIN check's result as a sentence. A process sets them
 * beside the code, as {@code cardStateLabel} and {@code pinResultLabel}, for its Tasklist forms.
 */
public final class CardCheckLabels {

    private CardCheckLabels() {
    }

    /** 「有効」「有効期限切れ」「一時停止中」…; an unknown code is returned as it is. */
    public static String cardState(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "VALID" -> "有効";
            case "EXPIRED" -> "有効期限切れ";
            case "SUSPENDED" -> "一時停止中";
            case "ABOLISHED" -> "廃止・失効・返納済み";
            case "INVALID" -> "使用できない状態";
            case "NOT_CONTINUED" -> "転入後の継続利用の手続き前（この転出で失効）";
            case "NOT_PRESENTED" -> "提示されたカードの情報がない（転出証明書情報に記載がない）";
            case "NOT_FOUND" -> "カードが登録されていない";
            default -> code;
        };
    }

    /** The PIN check as a sentence: 「暗証番号は一致しました。」…; {@code null} before any check. */
    public static String pinResult(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "OK" -> "暗証番号は一致しました。";
            case "WRONG" -> "暗証番号が一致しませんでした。";
            case "LOCKED" -> "暗証番号がロックされています（続けて3回誤り）。暗証番号の再設定が必要です。";
            case "NOT_ENTERED" -> "暗証番号が入力されませんでした（入力の有効期限切れを含む）。";
            case "CARD_UNUSABLE" -> "カードが使えない状態（一時停止・廃止・失効・有効期限切れなど）のため、暗証番号を確認していません。";
            default -> code;
        };
    }
}
