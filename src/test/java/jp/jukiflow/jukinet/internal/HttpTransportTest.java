package jp.jukiflow.jukinet.internal;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sending side against a small local HTTP server that answers what each test scripts. */
class HttpTransportTest {

    private static final String KEY = "test-key-hakodate-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Answer(int status, String contentType, String body) {
    }

    record Received(String path, String timestamp, String signature, String contentType, byte[] body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(JukinetSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(JukinetSignature.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Answer answer = answers.isEmpty() ? new Answer(500, "text/plain", "no answer scripted") : answers.poll();
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpTransport transport(int maxAttempts) {
        JukinetSettings settings = new JukinetSettings("http", List.of(new JukinetSettings.Peer(HAKODATE,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/", KEY)),
                new JukinetSettings.Http(Duration.ofSeconds(2), Duration.ofSeconds(2), maxAttempts,
                        Duration.ofMillis(5), 2.0, null));
        return new HttpTransport(settings, Clock.fixed(NOW, ZoneOffset.UTC), OKUSHIRI::equals,
                envelope -> ReceiveOutcome.HANDLED);
    }

    private static Envelope envelope(String to) {
        return new Envelope("3f6c1f0e-0000-4000-8000-000000000001", MessageType.MOVE_IN_NOTICE, OKUSHIRI, to,
                "013676-2026-000123", "{\"receiptNumber\":\"013676-2026-000123\"}", NOW);
    }

    private static Answer accepted(String outcome) {
        return new Answer(202, "application/json", "{\"messageId\":\"x\",\"outcome\":\"" + outcome + "\"}");
    }

    @Test
    void postsTheEnvelopeJsonSignedWithTheTimestampInEpochSeconds() {
        answers.add(accepted("HANDLED"));

        ReceiveOutcome outcome = transport(3).deliver(envelope(HAKODATE));

        assertThat(outcome).isEqualTo(ReceiveOutcome.HANDLED);
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.path()).isEqualTo("/jukinet/v1/messages");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(EnvelopeCodec.toJson(envelope(HAKODATE)));
        assertThat(request.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(JukinetSignature.matches(KEY, request.timestamp(), request.body(), request.signature())).isTrue();
    }

    @Test
    void alreadyReceivedIsADuplicateNotAFailure() {
        answers.add(new Answer(200, "application/json", "{\"outcome\":\"ALREADY_RECEIVED\"}"));
        assertThat(transport(3).deliver(envelope(HAKODATE))).isEqualTo(ReceiveOutcome.DUPLICATE);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        answers.add(new Answer(503, "text/plain", "busy"));
        answers.add(new Answer(500, "text/plain", "oops"));
        answers.add(accepted("NO_HANDLER"));

        assertThat(transport(3).deliver(envelope(HAKODATE))).isEqualTo(ReceiveOutcome.NO_HANDLER);
        assertThat(received).hasSize(3);
    }

    @Test
    void whenEveryAttemptFailsTheJobGetsADeliveryException() {
        for (int i = 0; i < 3; i++) {
            answers.add(new Answer(503, "text/plain", "busy"));
        }
        assertThatThrownBy(() -> transport(3).deliver(envelope(HAKODATE)))
                .isInstanceOfSatisfying(JukinetDeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo("JUKINET_UNREACHABLE");
                    assertThat(e.getMessage()).contains(HAKODATE, "3 回");
                });
        assertThat(received).hasSize(3);
    }

    @Test
    void anUnreachablePeerIsRetriedAndThenADeliveryException() {
        HttpTransport transport = transport(2);
        server.stop(0);
        assertThatThrownBy(() -> transport.deliver(envelope(HAKODATE)))
                .isInstanceOfSatisfying(JukinetDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo("JUKINET_UNREACHABLE"));
    }

    @Test
    void aRefusalIsNotRetriedAndCarriesTheReceiversCode() {
        answers.add(new Answer(401, "application/problem+json",
                "{\"status\":401,\"code\":\"JUKINET_SIGNATURE_INVALID\",\"detail\":\"署名が一致しません。\"}"));

        assertThatThrownBy(() -> transport(3).deliver(envelope(HAKODATE)))
                .isInstanceOfSatisfying(JukinetDeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo("JUKINET_SIGNATURE_INVALID");
                    assertThat(e.getMessage()).contains("HTTP 401", "署名が一致しません。");
                });
        assertThat(received).hasSize(1);
    }

    @Test
    void aMunicipalityServedHereIsDeliveredInProcess() {
        AtomicReference<Envelope> local = new AtomicReference<>();
        JukinetSettings settings = new JukinetSettings("http", List.of(), null);
        HttpTransport transport = new HttpTransport(settings, Clock.fixed(NOW, ZoneOffset.UTC), HAKODATE::equals,
                e -> {
                    local.set(e);
                    return ReceiveOutcome.HANDLED;
                });

        assertThat(transport.deliver(envelope(HAKODATE))).isEqualTo(ReceiveOutcome.HANDLED);
        assertThat(local.get()).isEqualTo(envelope(HAKODATE));
        assertThat(received).isEmpty();
    }

    @Test
    void aMunicipalityNeitherServedNorConfiguredCannotBeReached() {
        assertThatThrownBy(() -> transport(3).deliver(envelope(CHIYODA)))
                .isInstanceOfSatisfying(JukinetDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo("JUKINET_DESTINATION_NOT_SERVED"));
        assertThat(received).isEmpty();
    }

    @Test
    void settingsRefuseAShortKeyAndShowNoKey() {
        assertThatThrownBy(() -> new JukinetSettings.Peer(HAKODATE, "http://x", "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new JukinetSettings.Peer(HAKODATE, "http://x", KEY).toString()).doesNotContain(KEY);
        assertThat(new JukinetSettings.Http(null, null, null, Duration.ofMillis(100), 2.0, null).backoffAfter(3))
                .isEqualTo(Duration.ofMillis(400));
    }
}
