package jp.jukiflow.transferin;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCancellation;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.ProcessTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 転出取消 reached the destination: a later special transfer-in for that transfer-out is refused at the start with
 * {@code MOVE_OUT_CANCELLED} and a Japanese reason, by the origin's receipt number or by origin + 住民票コード; no
 * instance is left and no receipt number drawn.
 */
class CancelledMoveOutRefusalTest extends ProcessTestFixture {

    static final String PROCESS = "transfer-in-with-card";

    @Autowired
    JukinetGateway jukinet;

    @ParameterizedTest(name = "identified by {0}")
    @ValueSource(strings = {"receipt number", "origin and resident code"})
    void aSpecialTransferInForACancelledTransferOutIsRefusedWithTheReason(String by) {
        String resident = newResidentCode();
        String receipt = cancelledAtHakodate(resident);

        Map<String, Object> form = TransferInFixture.startForm("999999999999");
        if (by.equals("receipt number")) {
            form.put("originReceiptNumber", receipt);
        } else {
            form.put("originCode", OKUSHIRI);
            form.put("residentCode", resident);
        }
        long instances = instances();
        long numbers = receiptNumbersDrawn();
        assertThatThrownBy(() -> startAsClerk(PROCESS, HAKODATE, form))
                .satisfies(thrown -> {
                    DomainRuleViolation e = refusal(thrown);
                    assertThat(e).as("a refusal of ours in %s", thrown).isNotNull();
                    assertThat(e.code()).isEqualTo("MOVE_OUT_CANCELLED");
                    assertThat(e.messageJa()).contains("奥尻町", receipt, "転出取消", "特例転入の届出はお受けできません");
                });
        assertThat(instances()).isEqualTo(instances);
        assertThat(receiptNumbersDrawn()).isEqualTo(numbers);
    }

    @Test
    void anExpectedMoveInOfTheSamePersonIsNotRefused() {
        String resident = newResidentCode();
        cancelledAtHakodate(resident);
        // the resident filed a transfer-out again later: that one is expected
        String again = OKUSHIRI + "-2026-a" + UUID.randomUUID().toString().substring(0, 7);
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, again, certificate(again, resident));

        Map<String, Object> form = TransferInFixture.startForm("999999999999");
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", resident);
        // the start goes on past the refusal (and stops later only at the card this test does not hold)
        assertThatThrownBy(() -> startAsClerk(PROCESS, HAKODATE, form))
                .satisfies(thrown -> assertThat(refusal(thrown)).as("refused as cancelled: %s", thrown).isNull())
                .hasMessageContaining("カード番号 999999999999");
    }

    /** Our refusal in the cause chain (a start listener's exception reaches the caller wrapped by the engine). */
    static DomainRuleViolation refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainRuleViolation d) {
                return d;
            }
        }
        return null;
    }

    /** 奥尻町 sent 函館市 the 転出証明書情報 of a transfer-out of the resident, then its cancellation; its receipt number. */
    private String cancelledAtHakodate(String resident) {
        String receipt = OKUSHIRI + "-2026-c" + UUID.randomUUID().toString().substring(0, 7);
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, certificate(receipt, resident));
        jukinet.send(MessageType.MOVE_OUT_CANCELLATION, OKUSHIRI, HAKODATE, receipt,
                new MoveOutCancellation(receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 11, 26), List.of(resident)));
        return receipt;
    }

    private static String newResidentCode() {
        return ResidentCode.withCheckDigit(String.valueOf(1_000_000_000L + (UUID.randomUUID().hashCode() & 0xfffffff)))
                .value();
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    }

    private long receiptNumbersDrawn() {
        return jdbc.sql("select coalesce(sum(last_value), 0) from receipt_sequence").query(Long.class).single();
    }

    private static MoveOutCertificateInfo certificate(String receipt, String resident) {
        return new MoveOutCertificateInfo(receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 1), null,
                "北海道函館市東雲町4番13号", "奥尻 取消",
                List.of(new MoveOutCertificateInfo.Mover(resident, "奥尻 取消", "オクシリ トリケシ", LocalDate.of(1980, 4, 2),
                        "MALE", "世帯主")),
                resident, "MY_NUMBER", true, LocalDate.of(2026, 12, 31));
    }
}
