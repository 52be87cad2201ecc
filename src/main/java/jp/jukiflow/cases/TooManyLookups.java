package jp.jukiflow.cases;

import java.time.Duration;

/**
 * A receipt number was looked up with a wrong birth date too often in the window: further look-ups of it, even with
 * the right date, are refused until the window has passed (HTTP 429).
 */
public class TooManyLookups extends RuntimeException {

    public static final String CODE = "STATUS_LOOKUP_LIMITED";

    private final Duration retryAfter;

    public TooManyLookups(Duration retryAfter) {
        super("生年月日の誤りが続いたため、この受付番号の照会を一時的に止めています。"
                + Math.max(1, retryAfter.toMinutes()) + "分ほどたってから、もう一度お試しください。");
        this.retryAfter = retryAfter;
    }

    public String code() {
        return CODE;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
