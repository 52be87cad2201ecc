package jp.jukiflow.jukinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.jukinet.internal.EnvelopeCodec;
import jp.jukiflow.jukinet.internal.HttpTransport;
import jp.jukiflow.jukinet.internal.JukinetMessageStore;
import jp.jukiflow.jukinet.internal.JukinetSettings;
import jp.jukiflow.jukinet.internal.JukinetSignature;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TownDeployment;
import jp.jukiflow.support.Towns;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Juki-net between two deployments over real HTTP, in one JVM.
 *
 * <ul>
 *   <li><b>Deployment H</b> (函館市 012025 only): a second, complete application started here with
 *   {@link TownDeployment} on a random port (profile test without demo, whose users belong to both towns; its own in-memory H2; its engine named
 *   {@code hakodate} and without the webapps and the engine REST API, so that the shared test context keeps the one
 *   engine named "default" in Camunda's static registry); transport {@code http}; peer 奥尻町 with the shared key.</li>
 *   <li><b>Deployment O</b> (奥尻町 013676): the shared test context's database, message log and directory, sending
 *   through the real {@link JukinetGateway} and {@link HttpTransport}. Only the wiring is done here by hand: the shared
 *   context (in-process, serving both towns) cannot be reconfigured for one test without a second "default" engine,
 *   so the transport is told that only 奥尻町 is served here and 函館市 is the peer at H's URL.</li>
 * </ul>
 */
@JukiflowTest
class JukinetTwoDeploymentsTest {

    private static final String KEY = "test-key-okushiri-hakodate-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private static TownDeployment hakodateDeployment;
    private static ConfigurableApplicationContext hakodate;
    private static int hakodatePort;

    @Autowired
    JukinetMessageStore store;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    Clock clock;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    ExpectedMoveIns okushiriExpectedMoveIns;
    @Autowired
    ProcessEngine sharedEngine;
    @LocalServerPort
    int sharedPort;

    @BeforeAll
    static void startHakodate() {
        hakodateDeployment = TownDeployment.start("hakodate", TownDeployment.HAKODATE, 0,
                List.of(new TownDeployment.Peer(Towns.OKUSHIRI, null, KEY)));
        hakodate = hakodateDeployment.context();
        hakodatePort = hakodateDeployment.port();
    }

    @AfterAll
    static void stopHakodate() {
        if (hakodateDeployment != null) {
            hakodateDeployment.close();
        }
    }

    /** 奥尻町's side: the real gateway and HTTP transport, with 函館市 as the peer at H. */
    private JukinetGateway okushiriGateway() {
        JukinetSettings settings = new JukinetSettings("http",
                List.of(new JukinetSettings.Peer(Towns.HAKODATE, "http://127.0.0.1:" + hakodatePort, KEY)),
                new JukinetSettings.Http(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(10),
                        2.0, null));
        HttpTransport transport = new HttpTransport(settings, clock, Towns.OKUSHIRI::equals, envelope -> {
            throw new AssertionError("奥尻町 sends nothing to itself in this test");
        });
        return new JukinetGateway(transport, store, directory, clock);
    }

    private ResponseEntity<String> post(byte[] body, String timestamp, String signature) {
        return RestClient.create().post()
                .uri("http://127.0.0.1:" + hakodatePort + "/jukinet/v1/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .header(JukinetSignature.TIMESTAMP_HEADER, timestamp)
                .header(JukinetSignature.SIGNATURE_HEADER, signature)
                .body(body)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aCertificateSentByOkushiriOverHttpArrivesInHakodatesExpectedMoveInsAndAReplayIsIgnored() throws Exception {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveOutCertificateInfo certificate = JukinetSamples.certificate(receipt);

        Envelope sent = okushiriGateway().send(MessageType.MOVE_OUT_CERTIFICATE_INFO, Towns.OKUSHIRI,
                Towns.HAKODATE, receipt, certificate);

        // arrived in the other deployment (its own database), not in this one
        ExpectedMoveIns hakodateExpected = hakodate.getBean(ExpectedMoveIns.class);
        ExpectedMoveIn arrived = hakodateExpected.find(receipt).orElseThrow();
        assertThat(arrived.certificate()).isEqualTo(certificate);
        assertThat(arrived.status()).isEqualTo(ExpectedMoveInStatus.EXPECTED);
        assertThat(hakodateExpected.expectedIn(Towns.HAKODATE)).extracting(ExpectedMoveIn::receiptNumber)
                .contains(receipt);
        assertThat(okushiriExpectedMoveIns.find(receipt)).isEmpty();
        assertThat(messageLog.messagesAbout(receipt)).extracting(LoggedMessage::direction, LoggedMessage::handled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageDirection.SENT, true));
        JukinetMessageLog hakodateLog = hakodate.getBean(JukinetMessageLog.class);
        assertThat(hakodateLog.messagesAbout(receipt)).singleElement().satisfies(line -> {
            assertThat(line.direction()).isEqualTo(MessageDirection.RECEIVED);
            assertThat(line.messageId()).isEqualTo(sent.messageId());
            assertThat(line.handled()).isTrue();
        });

        // the very request the transport sent (the clock is pinned, so body, timestamp and signature are the same)
        byte[] body = EnvelopeCodec.toJson(sent).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());
        ResponseEntity<String> replay = post(body, timestamp, JukinetSignature.sign(KEY, timestamp, body));
        assertThat(replay.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(replay.getBody());
        assertThat(answer.path("outcome").asText()).isEqualTo("ALREADY_RECEIVED");
        assertThat(hakodateLog.messagesAbout(receipt)).hasSize(1);
        assertThat(hakodateExpected.find(receipt).orElseThrow().certificate()).isEqualTo(certificate);
    }

    @Test
    void aCancellationSentByOkushiriOverHttpDropsHakodatesExpectedMoveIn() {
        String receipt = JukinetSamples.newReceiptNumber();
        JukinetGateway okushiri = okushiriGateway();
        okushiri.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, Towns.OKUSHIRI, Towns.HAKODATE, receipt,
                JukinetSamples.certificate(receipt));

        okushiri.send(MessageType.MOVE_OUT_CANCELLATION, Towns.OKUSHIRI, Towns.HAKODATE, receipt,
                MoveOutCancellationTest.cancellation(receipt));

        ExpectedMoveIns hakodateExpected = hakodate.getBean(ExpectedMoveIns.class);
        assertThat(hakodateExpected.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.CANCELLED);
        assertThat(hakodateExpected.expectedIn(Towns.HAKODATE)).noneMatch(m -> m.receiptNumber().equals(receipt));
        assertThat(hakodate.getBean(JukinetMessageLog.class).messagesAbout(receipt))
                .extracting(LoggedMessage::type, LoggedMessage::handled)
                .contains(org.assertj.core.groups.Tuple.tuple(MessageType.MOVE_OUT_CANCELLATION, true));
    }

    @Test
    void overRealHttpATamperedSignatureAndAStaleTimestampAreRefused() throws Exception {
        String receipt = JukinetSamples.newReceiptNumber();
        byte[] body = EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(),
                MessageType.MOVE_OUT_CERTIFICATE_INFO, Towns.OKUSHIRI, Towns.HAKODATE, receipt,
                jp.jukiflow.jukinet.internal.JukinetJson.write(JukinetSamples.certificate(receipt)), NOW))
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());

        ResponseEntity<String> tampered = post(body, timestamp,
                JukinetSignature.sign("not-the-shared-key-0123456789", timestamp, body));
        assertThat(tampered.getStatusCode().value()).isEqualTo(401);
        assertThat(tampered.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(tampered.getBody()).contains("JUKINET_SIGNATURE_INVALID");

        String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        ResponseEntity<String> staleAnswer = post(body, stale, JukinetSignature.sign(KEY, stale, body));
        assertThat(staleAnswer.getStatusCode().value()).isEqualTo(401);
        assertThat(staleAnswer.getBody()).contains("JUKINET_STALE");

        assertThat(hakodate.getBean(ExpectedMoveIns.class).find(receipt)).isEmpty();
    }

    @Test
    void theSharedContextKeepsItsDefaultEngine() {
        assertThat(ProcessEngines.getDefaultProcessEngine()).isSameAs(sharedEngine);
        assertThat(hakodate.getBean(ProcessEngine.class).getName()).isEqualTo("hakodate");
        String engines = RestClient.create().get().uri("http://127.0.0.1:" + sharedPort + "/engine-rest/engine")
                .retrieve().body(String.class);
        assertThat(engines).contains("\"default\"");
    }
}
