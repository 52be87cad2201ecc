package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import jp.jukiflow.support.TownDeployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The special move between two deployments — 奥尻町's and 函館市's, each its own {@code java -jar} with its own
 * database, Juki-net over HTTP with a shared key — with the job executors running. On the way 奥尻町's server is down
 * when 函館市 sends the 転入通知: the sending job fails, waits the minute its retry cycle says (R3/PT1M), and succeeds
 * once 奥尻町 is back, without an incident; 奥尻町's case then closes the record.
 */
class TwoTownsJourney {

    static final String KEY = "journey-shared-key-okushiri-hakodate-0123456789";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSpecialMoveOverHttpSurvivesTheOriginBeingDownForAMinute(Kind kind) {
        String only = System.getProperty("jukiflow.journey.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equalsIgnoreCase(kind.name()));
        int okushiriPort = TownDeployment.freePort();
        int hakodatePort = TownDeployment.freePort();
        Journeys.Running okushiri = Journeys.start("two-towns-okushiri-" + kind, kind,
                town(TownDeployment.OKUSHIRI, HAKODATE, hakodatePort), okushiriPort);
        Journeys.Running hakodate = null;
        try {
            hakodate = Journeys.start("two-towns-hakodate-" + kind, kind,
                    town(TownDeployment.HAKODATE, OKUSHIRI, okushiriPort), hakodatePort);
            walk(okushiri, hakodate);
        } finally {
            okushiri.app().stop();
            if (hakodate != null) {
                hakodate.app().stop();
            }
        }
    }

    private static void walk(Journeys.Running okushiri, Journeys.Running hakodate) {
        Person p = okushiri.people().aloneWithCard(OKUSHIRI);
        String email = "journey-two-towns-" + p.residentCode() + "@example.jp";
        String newAddress = "北海道函館市本町2番1号";
        String receipt = SpecialMoveJourney.fileTransferOutOnThePortal(okushiri, p, email, newAddress);
        String outId = SpecialMoveJourney.reviewAsSpecial(okushiri, receipt);
        ResidentMailbox.await(okushiri.app(), email, "特例転出");

        EngineApi clerk = hakodate.engine("hakodate-clerk");
        JsonNode in = clerk.start("transfer-in-with-card",
                SpecialMoveJourney.transferInForm(receipt, p, newAddress, null, false, true));
        String inId = in.get("id").asText();
        JsonNode confirmPin = clerk.awaitTask(inId, "Task_ConfirmPin");
        SpecialMoveJourney.confirmPinOnThePad(hakodate.signedIn("hakodate-clerk"), clerk, confirmPin);
        JsonNode record = clerk.awaitTask(inId, "Task_RecordTransferIn");

        // 奥尻町's server goes down; the 転入通知 cannot be delivered
        okushiri.app().stop();
        Instant down = Instant.now();
        clerk.claimAndComplete(record, Map.of()).requireOk();
        EngineApi hakodateAdmin = hakodate.engine("admin");
        JsonNode failed = EngineApi.await("the 転入通知 job's first failure", () -> {
            JsonNode jobs = hakodateAdmin.get("/job?withException=true&processInstanceId=" + inId).requireOk().body();
            return jobs.size() == 1 ? jobs.get(0) : null;
        });
        assertThat(failed.get("retries").asInt()).isEqualTo(2);
        assertThat(hakodateAdmin.incidents().size()).isZero();

        // back within the minute: the retry a minute later delivers it
        okushiri.app().restart(Map.of());
        EngineApi okushiriAdmin = okushiri.engine("admin");
        assertThat(okushiriAdmin.awaitEnd(outId)).containsExactly("End_Completed");
        Duration tookAfterDown = Duration.between(down, Instant.now());
        assertThat(tookAfterDown).as("the retry waited its minute").isGreaterThan(Duration.ofSeconds(55));
        assertThat(okushiri.people().residentColumn(p.residentCode(), "status")).isEqualTo("DELETED");
        assertThat(hakodate.people().residentColumn(p.residentCode(), "status")).isEqualTo("RESIDENT");
        assertThat(hakodateAdmin.awaitEnd(inId)).containsExactly("End_Registered");
        assertThat(SpecialMoveJourney.subjects(ResidentMailbox.await(okushiri.app(), email, "転出の手続きが完了")))
                .doesNotHaveDuplicates();
        JourneyChecks.noOpenIncident(okushiri);
        JourneyChecks.noOpenIncident(hakodate);
    }

    /** One town's settings: only that municipality, Juki-net over HTTP to the other deployment. */
    static Map<String, String> town(TownDeployment.Town town, String peerCode, int peerPort) {
        Map<String, String> p = new LinkedHashMap<>(TownDeployment.oneTownSettings(town));
        p.put("jukiflow.jukinet.peers[0].code", peerCode);
        p.put("jukiflow.jukinet.peers[0].base-url", "http://127.0.0.1:" + peerPort);
        p.put("jukiflow.jukinet.peers[0].shared-key", KEY);
        return p;
    }
}
