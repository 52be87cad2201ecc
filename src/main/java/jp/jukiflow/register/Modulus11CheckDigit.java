package jp.jukiflow.register;

/**
 * The modulus-11 check digit shared by the resident code (住民票コード, over 10 digits) and the
 * individual number (個人番号, over 11 digits). The single place where this formula lives.
 *
 * <pre>
 *   Pn = n-th payload digit counted from the right (n = 1 .. length)
 *   Qn = n + 1   for 1 &lt;= n &lt;= 6
 *        n - 5   for n &gt;= 7
 *   r  = (Σ Pn × Qn) mod 11
 *   check digit = 0 if r &lt;= 1, otherwise 11 − r
 * </pre>
 *
 * <p>Known limitation of the scheme (verified in the tests): because r = 0 and r = 1 both map to 0,
 * a few single-digit typos go undetected.
 */
final class Modulus11CheckDigit {

    private Modulus11CheckDigit() {
    }

    /** @param payload ASCII digits only (validated by the caller) */
    static int compute(String payload) {
        int sum = 0;
        int length = payload.length();
        for (int n = 1; n <= length; n++) {
            int p = payload.charAt(length - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}
