package jp.jukiflow.cases;

import java.time.Duration;

/**
 * Look-ups refused for a while (HTTP 429, code {@code STATUS_LOOKUP_LIMITED}) because of wrong birth dates within the
 * window: either this client gave too many ({@link Limit#CLIENT}: refused for every receipt number, even with the
 * right date), or this receipt number was asked with wrong dates too often from all clients together
 * ({@link Limit#RECEIPT_NUMBER}: the ceiling that keeps a number from being tried against every birth date by many
 * clients).
 */
public class TooManyLookups extends RuntimeException {

    public static final String CODE = "STATUS_LOOKUP_LIMITED";

    /** Which count reached its limit. */
    public enum Limit {
        CLIENT, RECEIPT_NUMBER
    }

    private final Duration retryAfter;
    private final Limit limit;

    public TooManyLookups(Limit limit, Duration retryAfter) {
        super(message(limit, retryAfter));
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    private static String message(Limit limit, Duration retryAfter) {
        String wait = Math.max(1, retryAfter.toMinutes()) + "分ほどたってから、もう一度お試しください。";
        return switch (limit) {
            case CLIENT -> "生年月日の誤りが続いたため、お使いの接続元（パソコンやスマートフォンなど）からの照会を一時的に止めています。"
                    + wait;
            case RECEIPT_NUMBER -> "生年月日の誤りが続いたため、この受付番号の照会を一時的に止めています。" + wait
                    + "お急ぎの場合は、届出先の市区町村の窓口へお問い合わせください。";
        };
    }

    public String code() {
        return CODE;
    }

    public Limit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
