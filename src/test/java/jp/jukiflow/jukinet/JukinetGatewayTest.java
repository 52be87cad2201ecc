package jp.jukiflow.jukinet;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.jukinet.internal.EnvelopeCodec;
import jp.jukiflow.jukinet.internal.JukinetJson;
import jp.jukiflow.jukinet.internal.JukinetInbox;
import jp.jukiflow.jukinet.internal.JukinetMessageStore;
import jp.jukiflow.jukinet.internal.ReceiveOutcome;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Juki-net end to end inside one deployment: 奥尻町 (013676) and 函館市 (012025) are served, 千代田区 (131016) is not.
 * Each test uses its own receipt number, since the PostgreSQL twin shares its database with other test classes.
 */
@JukiflowTest
class JukinetGatewayTest {

    private static final Instant PINNED_NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final String TEST_HANDLER = "jukinetGatewayTestCertificateHandler";

    @Autowired
    JukinetGateway gateway;
    @Autowired
    JukinetInbox inbox;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    ConfigurableApplicationContext context;

    /** What the handler registered by this test received. */
    private final List<Envelope> received = new CopyOnWriteArrayList<>();
    /** Correlation ids the handler registered by this test refuses. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /**
     * Registers a second handler of 転出証明書情報 (beside the built-in one) the way another module would, as a bean
     * implementing the interface, without a separate application context: the inbox looks its handlers up per message.
     */
    @BeforeEach
    void registerHandler() {
        context.getBeanFactory().registerSingleton(TEST_HANDLER, new JukinetMessageHandler() {
            @Override
            public MessageType type() {
                return MessageType.MOVE_OUT_CERTIFICATE_INFO;
            }

            @Override
            public void handle(Envelope envelope) {
                if (refused.contains(envelope.correlationId())) {
                    throw new IllegalStateException("テスト: 受信側で処理できません");
                }
                received.add(envelope);
            }
        });
    }

    @AfterEach
    void removeHandler() {
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(TEST_HANDLER);
    }

    @Test
    void aCertificateFromOkushiriArrivesInHakodatesExpectedMoveInsWithTheSameData() {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveOutCertificateInfo certificate = JukinetSamples.certificate(receipt);

        Envelope sent = gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, certificate);

        assertThat(sent.sentAt()).isEqualTo(PINNED_NOW);
        ExpectedMoveIn expected = expectedMoveIns.find(receipt).orElseThrow();
        assertThat(expected.certificate()).isEqualTo(certificate);
        assertThat(expected.status()).isEqualTo(ExpectedMoveInStatus.EXPECTED);
        assertThat(expected.originCode()).isEqualTo(OKUSHIRI);
        assertThat(expected.destinationCode()).isEqualTo(HAKODATE);
        assertThat(expected.plannedMoveOutDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(expected.movedOn()).isNull();
        assertThat(expected.receivedAt()).isEqualTo(PINNED_NOW);
        assertThat(expectedMoveIns.expectedIn(HAKODATE)).extracting(ExpectedMoveIn::receiptNumber).contains(receipt);
        assertThat(expectedMoveIns.expectedIn(OKUSHIRI)).extracting(ExpectedMoveIn::receiptNumber)
                .doesNotContain(receipt);
    }

    /**
     * The certificate with the card holder's card arrives whole (PIN hash included, the stand-in for the card's chip),
     * and the application log names the message only: the hash is in no log line.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCertificateWithTheCardArrivesWholeAndThePinHashReachesNoLog(CapturedOutput output) {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveOutCertificateInfo certificate = JukinetSamples.certificateWithCard(receipt);

        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, certificate);

        ExpectedMoveIn expected = expectedMoveIns.find(receipt).orElseThrow();
        assertThat(expected.certificate()).isEqualTo(certificate);
        assertThat(expected.certificate().card().pinHash()).isEqualTo(JukinetSamples.PIN_HASH);
        assertThat(output.getAll()).contains(receipt).doesNotContain(JukinetSamples.PIN_HASH)
                .doesNotContain("pbkdf2");
    }

    @Test
    void theMessageIsLoggedSentAndReceivedAsTheProvisionRecord() {
        String receipt = JukinetSamples.newReceiptNumber();
        Envelope sent = gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));

        List<LoggedMessage> log = messageLog.messagesAbout(receipt);
        assertThat(log).extracting(LoggedMessage::direction)
                .containsExactlyInAnyOrder(MessageDirection.SENT, MessageDirection.RECEIVED);
        assertThat(log).allSatisfy(line -> {
            assertThat(line.messageId()).isEqualTo(sent.messageId());
            assertThat(line.type()).isEqualTo(MessageType.MOVE_OUT_CERTIFICATE_INFO);
            assertThat(line.fromCode()).isEqualTo(OKUSHIRI);
            assertThat(line.toCode()).isEqualTo(HAKODATE);
            assertThat(line.payload()).isEqualTo(sent.payload());
            assertThat(line.sentAt()).isEqualTo(PINNED_NOW);
            assertThat(line.handled()).isTrue();
        });
        LoggedMessage received = log.stream().filter(l -> l.direction() == MessageDirection.RECEIVED).findFirst()
                .orElseThrow();
        assertThat(received.receivedAt()).isEqualTo(PINNED_NOW);

        // 提供状況: what 奥尻町 provided to 函館市 on 2026-11-26 (JST)
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(messageLog.providedTo(HAKODATE, today, today))
                .filteredOn(l -> l.correlationId().equals(receipt))
                .singleElement()
                .satisfies(l -> assertThat(l.direction()).isEqualTo(MessageDirection.SENT));
        assertThat(messageLog.providedTo(HAKODATE, today.plusDays(1), today.plusDays(7)))
                .noneMatch(l -> l.correlationId().equals(receipt));
        assertThat(messageLog.providedTo(OKUSHIRI, today, today)).noneMatch(l -> l.correlationId().equals(receipt));
    }

    @Test
    void sendingToAMunicipalityNotServedFailsAndStoresNothing() {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveOutCertificateInfo certificate = JukinetSamples.certificate(receipt, OKUSHIRI, CHIYODA, "東京都千代田区");

        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, CHIYODA, receipt,
                certificate))
                .isInstanceOfSatisfying(JukinetDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo("JUKINET_DESTINATION_NOT_SERVED"))
                .hasMessageContaining(CHIYODA)
                .hasMessageContaining("このシステムが担当する市区町村ではなく");

        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void theInboxRefusesAnEnvelopeForAMunicipalityNotServed() {
        String receipt = JukinetSamples.newReceiptNumber();
        Envelope envelope = envelope(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, CHIYODA, receipt,
                JukinetSamples.certificate(receipt, OKUSHIRI, CHIYODA, "東京都千代田区"));

        assertThatThrownBy(() -> inbox.receive(envelope)).isInstanceOf(JukinetDeliveryException.class);
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
    }

    @Test
    void onlyAMunicipalityOfThisDeploymentCanSend() {
        String receipt = JukinetSamples.newReceiptNumber();
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, CHIYODA, HAKODATE, receipt,
                JukinetSamples.certificate(receipt, CHIYODA, HAKODATE, "北海道函館市")))
                .isInstanceOfSatisfying(JukinetDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo("JUKINET_SENDER_NOT_SERVED"));
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
    }

    @Test
    void aCodeWithAWrongCheckDigitIsRefused() {
        String receipt = JukinetSamples.newReceiptNumber();
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, "012026", receipt,
                JukinetSamples.certificate(receipt, OKUSHIRI, "012026", "北海道函館市")))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("LOCAL_GOVERNMENT_CODE_CHECK_DIGIT"));
    }

    @Test
    void thePayloadMustBeTheTypesPayloadAndNameTheSameRoute() {
        String receipt = JukinetSamples.newReceiptNumber();
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, receipt,
                JukinetSamples.certificate(receipt)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MoveInNotice");
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, HAKODATE, OKUSHIRI, receipt,
                JukinetSamples.certificate(receipt)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("013676 → 012025");
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
    }

    @Test
    void everyHandlerOfTheTypeReceivesTheEnvelopeAsSent() {
        String receipt = JukinetSamples.newReceiptNumber();

        Envelope sent = gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));

        // the handler of "another module" got the envelope after its JSON round trip, unchanged
        assertThat(received).filteredOn(e -> e.correlationId().equals(receipt)).singleElement().isEqualTo(sent);
        // and the built-in handler kept the expected move-in
        assertThat(expectedMoveIns.find(receipt)).isPresent();
    }

    @Test
    void aHandlerThatRefusesTheMessageUndoesTheWholeDelivery() {
        String receipt = JukinetSamples.newReceiptNumber();
        refused.add(receipt);

        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt)))
                .hasMessageContaining("受信側で処理できません");

        // neither sent nor received nor expected: the retried job starts from a clean slate
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void theSameMessageIdReceivedTwiceIsHandledOnce() {
        String receipt = JukinetSamples.newReceiptNumber();
        Envelope envelope = envelope(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));

        assertThat(inbox.receive(envelope)).isEqualTo(ReceiveOutcome.HANDLED);
        // e.g. an HTTP sender that timed out and posts the same envelope again
        assertThat(inbox.receive(EnvelopeCodec.fromJson(EnvelopeCodec.toJson(envelope))))
                .isEqualTo(ReceiveOutcome.DUPLICATE);

        assertThat(received).filteredOn(e -> e.messageId().equals(envelope.messageId())).hasSize(1);
        assertThat(messageLog.messagesAbout(receipt)).singleElement()
                .satisfies(l -> assertThat(l.direction()).isEqualTo(MessageDirection.RECEIVED));
        assertThat(expectedMoveIns.find(receipt)).isPresent();
    }

    @Test
    void aMoveInNoticeTravelsFromTheDestinationBackToTheOrigin() {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveInNotice notice = JukinetSamples.notice(receipt);

        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_IN_NOTICE, OKUSHIRI, HAKODATE, receipt, notice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("012025 → 013676");
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
    }

    @Test
    void aCertificateRequestTravelsFromTheDestinationToTheOrigin() {
        String receipt = JukinetSamples.newReceiptNumber();
        MoveOutCertificateRequest request = new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, receipt, null,
                Instant.parse("2026-11-26T01:00:00Z"));

        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, OKUSHIRI, HAKODATE, receipt,
                request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("012025 → 013676");
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();

        Envelope sent = gateway.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, HAKODATE, OKUSHIRI, receipt, request);
        assertThat(sent.payloadAs(MoveOutCertificateRequest.class)).isEqualTo(request);
        assertThat(messageLog.messagesAbout(receipt)).extracting(LoggedMessage::direction)
                .containsExactlyInAnyOrder(MessageDirection.SENT, MessageDirection.RECEIVED);
    }

    @Test
    void theEnvelopeOnTheWireCarriesNeitherHonsekiNorHittosha() throws Exception {
        String receipt = JukinetSamples.newReceiptNumber();
        Envelope sent = gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));

        String wire = EnvelopeCodec.toJson(sent);
        assertThat(JukinetSamples.fieldNames(new ObjectMapper().readTree(wire)))
                .isNotEmpty()
                .noneMatch(name -> name.matches(JukinetSamples.FORBIDDEN_FIELD));
        assertThat(wire).doesNotContain("本籍", "筆頭者");
        for (LoggedMessage line : messageLog.messagesAbout(receipt)) {
            assertThat(JukinetSamples.fieldNames(new ObjectMapper().readTree(line.payload())))
                    .noneMatch(name -> name.matches(JukinetSamples.FORBIDDEN_FIELD));
        }
    }

    @Test
    void aCertificateWhoseRouteDiffersFromTheEnvelopeIsRefusedAndNothingIsKept() {
        String receipt = JukinetSamples.newReceiptNumber();
        // a sender that bypasses the gateway's own check
        Envelope envelope = envelope(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt, HAKODATE, OKUSHIRI, "北海道奥尻郡奥尻町"));

        assertThatThrownBy(() -> inbox.receive(envelope))
                .isInstanceOfSatisfying(JukinetDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo("JUKINET_ADDRESS_MISMATCH"));
        assertThat(messageLog.messagesAbout(receipt)).isEmpty();
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void aResentCertificateReplacesTheDataOfAMoveInStillExpected() {
        String receipt = JukinetSamples.newReceiptNumber();
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));
        MoveOutCertificateInfo corrected = JukinetSamples.certificate(receipt, OKUSHIRI, HAKODATE,
                "北海道函館市東雲町4番13号 函館ハイツ201");
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, corrected);

        assertThat(expectedMoveIns.find(receipt).orElseThrow().certificate()).isEqualTo(corrected);
        assertThat(expectedMoveIns.expectedIn(HAKODATE)).filteredOn(e -> e.receiptNumber().equals(receipt)).hasSize(1);
        assertThat(messageLog.messagesAbout(receipt)).hasSize(4);
    }

    /**
     * A message of a type no bean handles is accepted and kept unhandled. Every type has its handler in this
     * application, so the inbox is built here around the same message log with no handler at all.
     */
    @Test
    void aMessageWithoutHandlerIsKeptUnhandled() {
        JukinetInbox withoutHandlers = new JukinetInbox(context.getBean(JukinetMessageStore.class),
                context.getBean(jp.jukiflow.municipality.MunicipalityDirectory.class),
                new DefaultListableBeanFactory().getBeanProvider(JukinetMessageHandler.class),
                context.getBean(java.time.Clock.class), context.getBean(jp.jukiflow.security.TenantAccess.class));
        String correlation = "no-handler-" + UUID.randomUUID();
        Envelope envelope = envelope(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, correlation,
                JukinetSamples.notice(correlation));

        assertThat(withoutHandlers.receive(envelope)).isEqualTo(ReceiveOutcome.NO_HANDLER);
        assertThat(messageLog.messagesAbout(correlation))
                .extracting(LoggedMessage::direction, LoggedMessage::handled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageDirection.RECEIVED, false));
    }

    private static Envelope envelope(MessageType type, String from, String to, String correlationId, Object payload) {
        return new Envelope(UUID.randomUUID().toString(), type, from, to, correlationId, JukinetJson.write(payload),
                PINNED_NOW);
    }
}
