package jp.jukiflow.pin;

/**
 * What the PIN pad shows after a new PIN was keyed twice: set, or refused with the reason. Never the PIN.
 *
 * @param set       whether the card now has the new PIN
 * @param code      {@code PIN_SET}, {@code PIN_MISMATCH} or the {@link PinPolicy} refusal code
 * @param messageJa Japanese text for the resident
 */
public record NewPinResult(boolean set, String code, String messageJa) {

    public static final String SET = "PIN_SET";
    public static final String MISMATCH = "PIN_MISMATCH";

    static NewPinResult done() {
        return new NewPinResult(true, SET, "新しい暗証番号を設定しました。カードのロックも解除されました。");
    }

    static NewPinResult mismatch() {
        return new NewPinResult(false, MISMATCH,
                "1回目と2回目に入力された暗証番号が一致しません。もう一度、最初から入力してください。");
    }

    static NewPinResult refused(PinCheck check) {
        return new NewPinResult(false, check.code(), check.messageJa());
    }
}
