package jp.jukiflow.jukinet;

import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jp.jukiflow.jukinet.internal.EnvelopeCodec;
import jp.jukiflow.jukinet.internal.JukinetJson;
import jp.jukiflow.jukinet.internal.JukinetSignature;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.Towns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /jukinet/v1/messages} in the shared context (in-process transport; the endpoint is always there). The
 * sender is 札幌市 (011002), a peer configured in application-test.yml that this deployment does not serve.
 */
@JukiflowTest
class JukinetHttpEndpointTest {

    static final String SAPPORO_KEY = "test-key-sapporo-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final String PATH = "/jukinet/v1/messages";

    @Autowired
    MockMvc mvc;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    JukinetMessageLog messageLog;

    private static String receiptOfSapporo() {
        return SAPPORO + "-2026-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A 転出証明書情報 from 札幌市 to 函館市, as the wire JSON. */
    private static String certificateFromSapporo(String receipt, String to) {
        MoveOutCertificateInfo certificate = JukinetSamples.certificate(receipt, SAPPORO, to, "北海道函館市東雲町4番13号");
        return EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(), MessageType.MOVE_OUT_CERTIFICATE_INFO,
                SAPPORO, to, receipt, JukinetJson.write(certificate), NOW));
    }

    private ResultActions send(String body, String timestamp, String signature) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                .header(JukinetSignature.TIMESTAMP_HEADER, timestamp)
                .header(JukinetSignature.SIGNATURE_HEADER, signature)
                .content(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ResultActions sendSigned(String body, Instant at) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        return send(body, timestamp, JukinetSignature.sign(SAPPORO_KEY, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void problem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void aSignedCertificateIsAcceptedAndBecomesAnExpectedMoveIn() throws Exception {
        String receipt = receiptOfSapporo();

        sendSigned(certificateFromSapporo(receipt, Towns.HAKODATE), NOW)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        ExpectedMoveIn expected = expectedMoveIns.find(receipt).orElseThrow();
        assertThat(expected.originCode()).isEqualTo(SAPPORO);
        assertThat(expected.destinationCode()).isEqualTo(Towns.HAKODATE);
        assertThat(messageLog.messagesAbout(receipt)).extracting(LoggedMessage::direction)
                .containsExactly(MessageDirection.RECEIVED);
    }

    @Test
    void aCertificateRequestArrivesOverHttpAndAnUnanswerableOneIsOnlyLogged() throws Exception {
        // 札幌市 (the destination here) asks 奥尻町 for a certificate no case of 奥尻町 has: accepted, logged, unanswered
        String correlation = "test-request-" + UUID.randomUUID();
        MoveOutCertificateRequest request = new MoveOutCertificateRequest(Towns.OKUSHIRI, SAPPORO, null,
                JukinetSamples.HEAD, NOW);
        String body = EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(),
                MessageType.MOVE_OUT_CERTIFICATE_REQUEST, SAPPORO, Towns.OKUSHIRI, correlation,
                JukinetJson.write(request), NOW));
        sendSigned(body, NOW).andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("HANDLED"));
        assertThat(messageLog.messagesAbout(correlation)).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MessageType.MOVE_OUT_CERTIFICATE_REQUEST);
            assertThat(m.direction()).isEqualTo(MessageDirection.RECEIVED);
            assertThat(m.handled()).isTrue();
        });

        // a request whose payload names another route than its envelope is refused
        MoveOutCertificateRequest misrouted = new MoveOutCertificateRequest(Towns.OKUSHIRI,
                Towns.HAKODATE, null, JukinetSamples.HEAD, NOW);
        String misroutedBody = EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(),
                MessageType.MOVE_OUT_CERTIFICATE_REQUEST, SAPPORO, Towns.OKUSHIRI, correlation + "-x",
                JukinetJson.write(misrouted), NOW));
        problem(sendSigned(misroutedBody, NOW), 400, "JUKINET_ADDRESS_MISMATCH");
        assertThat(messageLog.messagesAbout(correlation + "-x")).isEmpty();
    }

    @Test
    void anIsoInstantTimestampIsAcceptedToo() throws Exception {
        String body = certificateFromSapporo(receiptOfSapporo(), Towns.HAKODATE);
        String timestamp = "2026-11-26T00:58:00Z";
        send(body, timestamp, JukinetSignature.sign(SAPPORO_KEY, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted());
    }

    @Test
    void theSameRequestReplayedIsAnsweredAlreadyReceivedAndHandledOnce() throws Exception {
        String receipt = receiptOfSapporo();
        String body = certificateFromSapporo(receipt, Towns.HAKODATE);
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = JukinetSignature.sign(SAPPORO_KEY, timestamp, body.getBytes(StandardCharsets.UTF_8));

        send(body, timestamp, signature).andExpect(status().isAccepted());
        send(body, timestamp, signature)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECEIVED"))
                .andExpect(jsonPath("$.message").value("このメッセージは受信済みです。再度は処理しません。"));

        assertThat(messageLog.messagesAbout(receipt)).hasSize(1);
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        String receipt = receiptOfSapporo();
        String body = certificateFromSapporo(receipt, Towns.HAKODATE);
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = JukinetSignature.sign(SAPPORO_KEY, timestamp, body.getBytes(StandardCharsets.UTF_8));

        problem(send(body.replace("北海道函館市東雲町4番13号", "北海道函館市東雲町4番14号"), timestamp, signature),
                401, "JUKINET_SIGNATURE_INVALID");
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        String body = certificateFromSapporo(receiptOfSapporo(), Towns.HAKODATE);
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = JukinetSignature.sign("another-key-0123456789", timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        problem(send(body, timestamp, signature), 401, "JUKINET_SIGNATURE_INVALID");
        problem(send(body, timestamp, "%%%"), 401, "JUKINET_SIGNATURE_INVALID");
    }

    @Test
    void missingHeadersAreRefused() throws Exception {
        String body = certificateFromSapporo(receiptOfSapporo(), Towns.HAKODATE);
        problem(mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body)), 401,
                "JUKINET_SIGNATURE_INVALID");
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenSigned() throws Exception {
        String receipt = receiptOfSapporo();
        String body = certificateFromSapporo(receipt, Towns.HAKODATE);
        problem(sendSigned(body, NOW.minusSeconds(5 * 60 + 1)), 401, "JUKINET_STALE");
        problem(sendSigned(body, NOW.plusSeconds(5 * 60 + 1)), 401, "JUKINET_STALE");
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void aSenderThatIsNoPeerIsRefused() throws Exception {
        String receipt = JukinetSamples.newReceiptNumber();
        // 奥尻町 is served here, not a peer: nobody may post in its name
        String body = EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(),
                MessageType.MOVE_OUT_CERTIFICATE_INFO, Towns.OKUSHIRI, Towns.HAKODATE, receipt,
                JukinetJson.write(JukinetSamples.certificate(receipt)), NOW));
        problem(sendSigned(body, NOW), 403, "JUKINET_UNKNOWN_PEER");
    }

    @Test
    void aMessageForAMunicipalityNotServedHereIsRefused() throws Exception {
        problem(sendSigned(certificateFromSapporo(receiptOfSapporo(), Towns.CHIYODA), NOW), 404,
                "JUKINET_NOT_ADDRESSED_HERE");
    }

    @Test
    void malformedInputIsA400NeverA500() throws Exception {
        problem(sendSigned("not json", NOW), 400, "JUKINET_MALFORMED");
        problem(sendSigned("{\"messageId\":\"x\"}", NOW), 400, "JUKINET_MALFORMED");
        problem(sendSigned("[]", NOW), 400, "JUKINET_MALFORMED");
        String body = certificateFromSapporo(receiptOfSapporo(), Towns.HAKODATE);
        problem(send(body, "yesterday", "x"), 400, "JUKINET_MALFORMED");
        problem(mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                .header(JukinetSignature.TIMESTAMP_HEADER, "0").header(JukinetSignature.SIGNATURE_HEADER, "x")),
                400, "JUKINET_MALFORMED");
        String badCode = body.replace("\"from\":\"011002\"", "\"from\":\"011003\"");
        problem(sendSigned(badCode, NOW), 400, "JUKINET_MALFORMED");
    }

    @Test
    void aPayloadTheReceiverCannotAcceptIsA400() throws Exception {
        String receipt = receiptOfSapporo();
        String body = certificateFromSapporo(receipt, Towns.HAKODATE)
                .replace("\"receiptNumber\":", "\"honseki\":\"北海道\",\"receiptNumber\":");
        problem(sendSigned(body, NOW), 400, "JUKINET_PAYLOAD_INVALID");
        // the route in the payload must match the envelope's
        String mismatched = EnvelopeCodec.toJson(new Envelope(UUID.randomUUID().toString(),
                MessageType.MOVE_OUT_CERTIFICATE_INFO, SAPPORO, Towns.HAKODATE, receipt,
                JukinetJson.write(JukinetSamples.certificate(receipt)), NOW));
        problem(sendSigned(mismatched, NOW), 400, "JUKINET_ADDRESS_MISMATCH");
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }
}
