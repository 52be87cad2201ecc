package jp.jukiflow.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc requests from a chosen client address ({@code request.setRemoteAddr}), for what counts per client (the status
 * look-up limit). The test context is shared and its clock pinned, so counts never expire between test classes: a
 * test that makes look-ups fail should ask from a {@link #fresh()} address of its own, never from MockMvc's default
 * 127.0.0.1.
 */
public final class ClientAddress {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClientAddress() {
    }

    /** Sends the request from {@code address}, as the servlet would see it (no forwarded header involved). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An IPv4 address no other test of this JVM uses (198.18.0.0/15, the range set aside for benchmarks). */
    public static String fresh() {
        int n = NEXT.getAndIncrement();
        return "198." + (18 + n / 65_024 % 2) + "." + (n / 254 % 256) + "." + (n % 254 + 1);
    }
}
