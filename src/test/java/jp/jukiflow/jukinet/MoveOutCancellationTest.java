package jp.jukiflow.jukinet;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.jukinet.JukinetSamples.HEAD;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.jukinet.internal.JukinetInbox;
import jp.jukiflow.jukinet.internal.ReceiveOutcome;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 転出取消 over Juki-net: the destination drops its expected move-in, once, and never a registered one. */
@JukiflowTest
class MoveOutCancellationTest {

    @Autowired
    JukinetGateway gateway;
    @Autowired
    JukinetInbox inbox;
    @Autowired
    ExpectedMoveIns expectedMoveIns;

    @Test
    void theDestinationDropsItsExpectedMoveInAndARepeatChangesNothing() {
        String receipt = received();

        Envelope sent = gateway.send(MessageType.MOVE_OUT_CANCELLATION, OKUSHIRI, HAKODATE, receipt, cancellation(receipt));

        ExpectedMoveIn dropped = expectedMoveIns.find(receipt).orElseThrow();
        assertThat(dropped.status()).isEqualTo(ExpectedMoveInStatus.CANCELLED);
        assertThat(expectedMoveIns.expectedIn(HAKODATE)).noneMatch(m -> m.receiptNumber().equals(receipt));
        assertThat(expectedMoveIns.cancelledIn(HAKODATE)).anyMatch(m -> m.receiptNumber().equals(receipt));
        // the same message again (a retried job): handled once; a new message for the same case: still cancelled
        assertThat(inbox.receive(sent)).isEqualTo(ReceiveOutcome.DUPLICATE);
        gateway.send(MessageType.MOVE_OUT_CANCELLATION, OKUSHIRI, HAKODATE, receipt, cancellation(receipt));
        assertThat(expectedMoveIns.find(receipt).orElseThrow().statusChangedAt()).isEqualTo(dropped.statusChangedAt());
        // a resent certificate does not bring it back
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, JukinetSamples.certificate(receipt));
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.CANCELLED);
    }

    @Test
    void aCancellationForACertificateNeverReceivedIsAcceptedAndChangesNothing() {
        String receipt = JukinetSamples.newReceiptNumber();
        gateway.send(MessageType.MOVE_OUT_CANCELLATION, OKUSHIRI, HAKODATE, receipt, cancellation(receipt));
        assertThat(expectedMoveIns.find(receipt)).isEmpty();
    }

    @Test
    void aMoveInAlreadyRegisteredRefusesTheCancellationSoTheOriginSeesAnIncident() {
        String receipt = received();
        expectedMoveIns.markRegistered(receipt);
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CANCELLATION, OKUSHIRI, HAKODATE, receipt,
                cancellation(receipt))).isInstanceOfSatisfying(JukinetDeliveryException.class,
                e -> assertThat(e.code()).isEqualTo("MOVE_IN_ALREADY_REGISTERED"));
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
    }

    @Test
    void aCancellationFromAnotherOriginIsRefused() {
        String receipt = received();
        Envelope forged = new Envelope("forged-" + receipt, MessageType.MOVE_OUT_CANCELLATION, SAPPORO, HAKODATE,
                receipt, "{\"receiptNumber\":\"" + receipt + "\",\"originCode\":\"011002\",\"destinationCode\":\""
                + HAKODATE + "\",\"cancelledOn\":\"2026-11-26\",\"residentCodes\":[\"" + HEAD + "\"]}",
                Instant.parse("2026-11-26T01:00:00Z"));
        assertThatThrownBy(() -> inbox.receive(forged)).isInstanceOfSatisfying(JukinetDeliveryException.class,
                e -> assertThat(e.code()).isEqualTo("JUKINET_ADDRESS_MISMATCH"));
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.EXPECTED);
    }

    @Test
    void thePayloadMustTravelFromTheOriginToTheDestination() {
        String receipt = received();
        assertThatThrownBy(() -> gateway.send(MessageType.MOVE_OUT_CANCELLATION, HAKODATE, OKUSHIRI, receipt,
                cancellation(receipt))).isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageType.MOVE_OUT_CANCELLATION.label()).isEqualTo("転出取消の通知");
    }

    static MoveOutCancellation cancellation(String receipt) {
        return new MoveOutCancellation(receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 11, 26), List.of(HEAD));
    }

    private String received() {
        String receipt = JukinetSamples.newReceiptNumber();
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, JukinetSamples.certificate(receipt));
        return receipt;
    }
}
