package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 転出取消 reaches the destination (issue 12, rule 8), on an application of its own serving both towns: a resident of
 * 奥尻町 files the mailed transfer-out on the portal, 奥尻町's clerk accepts it as special and the 転出証明書情報 goes to
 * 函館市 over Juki-net; nobody comes to 函館市 — the application restarted after the special route's last day, the
 * lapse timer fires and 奥尻町's clerk cancels the transfer-out (the resident did not move); the 転出取消の通知 goes to
 * 函館市 in a job, which drops its expected move-in; a special transfer-in at 函館市's counter for that transfer-out is
 * then refused with the reason ({@code MOVE_OUT_CANCELLED}) and no case. Only HTTP; the job executor runs every job.
 */
class MoveOutCancellationJourney {

    /** Wednesday 2027-01-06 10:00 JST: the special route's last day (2027-01-04) has passed, the counter is open. */
    static final Instant AFTER_THE_LAST_DAY = Instant.parse("2027-01-06T01:00:00Z");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOriginCancelsAndTheDestinationRefusesTheSpecialTransferIn(Kind kind) {
        Journeys.assumeEnabled(kind);
        Journeys.Running town = Journeys.start("move-out-cancel-" + kind.name().toLowerCase(), kind, Map.of());
        try {
            Person p = town.people().aloneWithCard(OKUSHIRI);
            String email = "journey-cancel-" + p.residentCode() + "@example.jp";
            String newAddress = "北海道函館市美原1丁目1番1号";
            String receipt = SpecialMoveJourney.fileTransferOutOnThePortal(town, p, email, newAddress);
            String outId = SpecialMoveJourney.reviewAsSpecial(town, receipt);
            ResidentMailbox.await(town.app(), email, "特例転出");
            EngineApi.await("函館市's expected move-in", () -> "EXPECTED".equals(expectedMoveIn(town, receipt)) ? true : null);
            assertThat(town.people().residentColumn(p.residentCode(), "status")).isEqualTo("MOVING_OUT");

            town.app().restart(Map.of("jukiflow.clock.fixed", AFTER_THE_LAST_DAY.toString()));

            // 奥尻町's clerk: the move-in notice never came, the resident says they did not move → 転出取消
            EngineApi okushiri = town.engine("okushiri-clerk");
            JsonNode missing = okushiri.awaitTaskWhere("processInstanceBusinessKey=" + receipt
                    + "&taskDefinitionKey=Task_CheckMissingMoveIn");
            okushiri.claimAndComplete(missing, Map.of("missingMoveInDecision", "CANCEL")).requireOk();
            EngineApi admin = town.engine("admin");
            assertThat(admin.awaitEnd(outId)).containsExactly("End_Cancelled");
            assertThat(admin.passed(outId)).contains("Task_CancelMoveOut", "Task_SendCancellationNotice");
            assertThat(town.people().residentColumn(p.residentCode(), "status")).isEqualTo("RESIDENT");
            assertThat(town.people().residentColumn(p.residentCode(), "municipality_code")).isEqualTo(OKUSHIRI);

            // 函館市 was told over Juki-net and expects the move-in no more
            assertThat(expectedMoveIn(town, receipt)).isEqualTo("CANCELLED");
            long received = town.database().read(jdbc -> jdbc.sql("select count(*) from jukinet_message"
                    + " where correlation_id = ? and type = 'MOVE_OUT_CANCELLATION' and direction = 'RECEIVED'"
                    + " and handled = true").param(receipt).query(Long.class).single());
            assertThat(received).as("the 転出取消の通知 received and handled once").isEqualTo(1L);

            // the resident comes to 函館市's counter anyway: the special transfer-in is refused with the reason
            EngineApi hakodate = town.engine("hakodate-clerk");
            EngineApi.Answer refused = hakodate.submitStartForm("transfer-in-with-card",
                    SpecialMoveJourney.transferInForm(receipt, p, newAddress, email, false, true));
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.body().path("jukiflowCode").asText()).isEqualTo("MOVE_OUT_CANCELLED");
            assertThat(refused.body().path("message").asText()).contains("転出取消", "奥尻町", receipt);
            assertThat(admin.get("/process-instance?processDefinitionKey=transfer-in-with-card&tenantIdIn=" + HAKODATE)
                    .requireOk().body().size()).isZero();
            // the embedded mail server restarted with the application: its mailbox holds what came after, once
            assertThat(SpecialMoveJourney.subjects(ResidentMailbox.await(town.app(), email, "転出の取消し")))
                    .singleElement().asString().contains(receipt);
            JourneyChecks.noOpenIncident(town);
        } finally {
            town.app().stop();
        }
    }

    static String expectedMoveIn(Journeys.Running town, String receipt) {
        return town.database().read(jdbc -> jdbc.sql("select status from expected_move_in where receipt_number = ?")
                .param(receipt).query(String.class).optional().orElse(null));
    }
}
