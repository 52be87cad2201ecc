package jp.jukiflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** What every journey checks at its end. */
final class JourneyChecks {

    private JourneyChecks() {
    }

    /** No open incident anywhere in the application (as the admin sees in Cockpit), and no job out of retries. */
    static void noOpenIncident(Journeys.Running town) {
        EngineApi admin = town.engine("admin");
        JsonNode incidents = admin.incidents();
        assertThat(incidents.size()).as("open incidents: %s\n%s", incidents, town.app().tail()).isZero();
        JsonNode failing = admin.get("/job?withException=true").requireOk().body();
        assertThat(failing.size()).as("jobs that failed and wait for a retry: %s", failing).isZero();
    }
}
