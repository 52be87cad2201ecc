package jp.jukiflow.jukinet;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The destination's expected move-ins: registered or cancelled once, then gone from the list. */
@JukiflowTest
class ExpectedMoveInsTest {

    @Autowired
    JukinetGateway gateway;
    @Autowired
    ExpectedMoveIns expectedMoveIns;

    @Test
    void aRegisteredMoveInIsNoLongerExpected() {
        String receipt = received();

        ExpectedMoveIn registered = expectedMoveIns.markRegistered(receipt);

        assertThat(registered.status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(registered.statusChangedAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(expectedMoveIns.expectedIn(HAKODATE)).noneMatch(e -> e.receiptNumber().equals(receipt));
        assertThat(expectedMoveIns.find(receipt)).get().extracting(ExpectedMoveIn::status)
                .isEqualTo(ExpectedMoveInStatus.REGISTERED);
        // a retried job marks it again: nothing changes
        assertThat(expectedMoveIns.markRegistered(receipt).status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThatThrownBy(() -> expectedMoveIns.cancel(receipt))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("EXPECTED_MOVE_IN_ALREADY_REGISTERED"))
                .hasMessageContaining("転入済み");
    }

    @Test
    void aCancelledMoveInIsNoLongerExpectedAndCannotBeRegistered() {
        String receipt = received();

        assertThat(expectedMoveIns.cancel(receipt).status()).isEqualTo(ExpectedMoveInStatus.CANCELLED);

        assertThat(expectedMoveIns.expectedIn(HAKODATE)).noneMatch(e -> e.receiptNumber().equals(receipt));
        assertThat(expectedMoveIns.cancel(receipt).status()).isEqualTo(ExpectedMoveInStatus.CANCELLED);
        assertThatThrownBy(() -> expectedMoveIns.markRegistered(receipt))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("EXPECTED_MOVE_IN_ALREADY_CANCELLED"));
    }

    @Test
    void aCertificateResentAfterRegistrationChangesNothing() {
        String receipt = received();
        expectedMoveIns.markRegistered(receipt);
        MoveOutCertificateInfo late = JukinetSamples.certificate(receipt, OKUSHIRI, HAKODATE, "別の住所");

        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, late);

        ExpectedMoveIn kept = expectedMoveIns.find(receipt).orElseThrow();
        assertThat(kept.status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(kept.certificate()).isEqualTo(JukinetSamples.certificate(receipt));
    }

    @Test
    void anUnknownReceiptNumber() {
        assertThat(expectedMoveIns.find("013676-2026-unknown")).isEmpty();
        assertThatThrownBy(() -> expectedMoveIns.markRegistered("013676-2026-unknown"))
                .isInstanceOfSatisfying(ResourceNotFound.class,
                        e -> assertThat(e.code()).isEqualTo("EXPECTED_MOVE_IN_NOT_FOUND"));
    }

    private String received() {
        String receipt = JukinetSamples.newReceiptNumber();
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt,
                JukinetSamples.certificate(receipt));
        return receipt;
    }
}
