package jp.jukiflow.jukinet.internal;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Juki-net over HTTP ({@code jukiflow.jukinet.transport=http}). A municipality this deployment serves is still
 * delivered in-process (JSON text written and read back, as {@link InProcessTransport} does); any other is posted to
 * its peer's {@code {base-url}/jukinet/v1/messages}, signed ({@link JukinetSignature}). A network error or a 5xx is
 * retried with exponential backoff; when the attempts are used up, or the receiver refuses the message (4xx), a
 * {@link JukinetDeliveryException} is thrown so that the calling BPMN job is retried by the engine and finally becomes
 * an incident. Resending is safe: the receiver handles a message id once.
 */
@Component
@ConditionalOnProperty(name = "jukiflow.jukinet.transport", havingValue = "http")
public class HttpTransport implements JukinetTransport {

    public static final String PATH = "/jukinet/v1/messages";
    private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

    private final JukinetSettings settings;
    private final Clock clock;
    private final Predicate<String> servedHere;
    private final Function<Envelope, ReceiveOutcome> localDelivery;
    private final RestClient client;

    @Autowired
    HttpTransport(JukinetSettings settings, Clock clock, JukinetInbox inbox, MunicipalityDirectory directory) {
        this(settings, clock, code -> directory.find(LocalGovernmentCode.of(code)).isPresent(),
                envelope -> inbox.receive(EnvelopeCodec.fromJson(EnvelopeCodec.toJson(envelope))));
    }

    /**
     * @param servedHere    whether a municipality code is served by this deployment (then it is delivered locally)
     * @param localDelivery how an envelope for such a municipality is delivered
     */
    public HttpTransport(JukinetSettings settings, Clock clock, Predicate<String> servedHere,
                         Function<Envelope, ReceiveOutcome> localDelivery) {
        this.settings = settings;
        this.clock = clock;
        this.servedHere = servedHere;
        this.localDelivery = localDelivery;
        JukinetSettings.Http http = settings.http();
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(http.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(http.readTimeout());
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public ReceiveOutcome deliver(Envelope envelope) {
        if (servedHere.test(envelope.to())) {
            return localDelivery.apply(envelope);
        }
        JukinetSettings.Peer peer = settings.peer(envelope.to())
                .filter(p -> p.baseUrl() != null)
                .orElseThrow(() -> new JukinetDeliveryException("JUKINET_DESTINATION_NOT_SERVED",
                        "住基ネットで送信できません。宛先の市区町村（団体コード " + envelope.to()
                                + "）はこのシステムが担当する市区町村ではなく、接続先（jukiflow.jukinet.peers）も設定されていません。"
                                + "（" + envelope.type().label() + "、メッセージID " + envelope.messageId() + "）"));
        byte[] body = EnvelopeCodec.toJson(envelope).getBytes(StandardCharsets.UTF_8);
        int maxAttempts = settings.http().maxAttempts();
        String lastProblem = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return post(peer, envelope, body);
            } catch (Retryable e) {
                lastProblem = e.getMessage();
                log.warn("Juki-net id={} to {}: attempt {}/{} failed: {}", envelope.messageId(), envelope.to(),
                        attempt, maxAttempts, lastProblem);
                if (attempt < maxAttempts) {
                    pause(settings.http().backoffAfter(attempt));
                }
            }
        }
        throw new JukinetDeliveryException("JUKINET_UNREACHABLE",
                "住基ネットで送信できません。宛先の市区町村（団体コード " + envelope.to() + "）の接続先に " + maxAttempts
                        + " 回送信しましたが、届きませんでした（" + lastProblem + "）。時間をおいて再送されます。"
                        + "（" + envelope.type().label() + "、メッセージID " + envelope.messageId() + "）");
    }

    private ReceiveOutcome post(JukinetSettings.Peer peer, Envelope envelope, byte[] body) {
        // a fresh timestamp per attempt: a retry after a long backoff must not be refused as stale
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = JukinetSignature.sign(peer.sharedKey(), timestamp, body);
        try {
            return client.post()
                    .uri(peer.baseUrl() + PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .header(JukinetSignature.TIMESTAMP_HEADER, timestamp)
                    .header(JukinetSignature.SIGNATURE_HEADER, signature)
                    .body(body)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status.is2xxSuccessful()) {
                            return outcomeOf(answer);
                        }
                        if (status.is5xxServerError() || status.value() == 429 || status.value() == 408) {
                            throw new Retryable("HTTP " + status.value());
                        }
                        throw refused(envelope, status, answer);
                    }, true);
        } catch (ResourceAccessException e) {
            throw new Retryable(e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    private static ReceiveOutcome outcomeOf(String answer) {
        try {
            JsonNode node = JukinetJson.tree(answer);
            return "ALREADY_RECEIVED".equals(node.path("outcome").asText())
                    ? ReceiveOutcome.DUPLICATE
                    : ReceiveOutcome.valueOf(node.path("outcome").asText("HANDLED"));
        } catch (IllegalArgumentException e) {
            return ReceiveOutcome.HANDLED;
        }
    }

    private static JukinetDeliveryException refused(Envelope envelope, HttpStatusCode status, String answer) {
        String code = "JUKINET_REFUSED";
        String detail = "";
        try {
            JsonNode node = JukinetJson.tree(answer);
            code = node.path("code").asText(code);
            detail = node.path("detail").asText("");
        } catch (IllegalArgumentException e) {
            // not a problem document: keep the generic code
        }
        return new JukinetDeliveryException(code, "住基ネットの送信が宛先（団体コード " + envelope.to()
                + "）で拒否されました（HTTP " + status.value() + "、" + code + "）。" + detail
                + "（" + envelope.type().label() + "、メッセージID " + envelope.messageId() + "）");
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JukinetDeliveryException("JUKINET_INTERRUPTED", "住基ネットの送信が中断されました。");
        }
    }

    /** A failure worth another attempt (network, timeout, 5xx). */
    private static final class Retryable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retryable(String message) {
            super(message, null, false, false);
        }
    }
}
