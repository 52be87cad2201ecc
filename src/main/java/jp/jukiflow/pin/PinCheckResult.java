package jp.jukiflow.pin;

/**
 * What a process may know of a PIN entry: the outcome and the wrong entries still allowed. Never the PIN.
 *
 * @param outcome      OK, WRONG or LOCKED
 * @param attemptsLeft wrong entries still allowed before the lock (0 when locked)
 */
public record PinCheckResult(PinVerification.Outcome outcome, int attemptsLeft) {

    /** Japanese text for the resident, in the words of the PIN pad. */
    public String messageJa() {
        return switch (outcome) {
            case OK -> "確認できました";
            case WRONG -> "暗証番号が違います。あと " + attemptsLeft + " 回まちがえるとロックされます";
            case LOCKED -> "カードがロックされました（または、ロックされています）。窓口で暗証番号の再設定が必要です";
        };
    }
}
