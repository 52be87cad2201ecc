package jp.jukiflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard and the Prometheus configuration shipped in docker/ use the meters the application exports. */
class MonitoringFilesTest {

    /** Every jukiflow meter of /actuator/prometheus (see PrometheusEndpointTest for their presence in a scrape). */
    static final Set<String> EXPORTED = Set.of("jukiflow_cases_started_total", "jukiflow_cases_completed_total",
            "jukiflow_case_duration_seconds_bucket", "jukiflow_open_tasks", "jukiflow_deadline_at_risk",
            "jukiflow_mail_outbox_pending", "jukiflow_incidents_open");
    static final Pattern METRIC = Pattern.compile("jukiflow_[a-z_]+");

    @Test
    void theGrafanaDashboardQueriesEveryMeterAndNoOther() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker/grafana/dashboards/jukiflow.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("jukiflow-overview");
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> expressions.add(v.path("definition").asText()));
        Set<String> used = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(used).isEqualTo(new TreeSet<>(EXPORTED));
        assertThat(dashboard.path("panels")).allSatisfy(p -> assertThat(p.path("title").asText()).isNotBlank());
        assertThat(expressions).filteredOn(e -> e.contains("jukiflow_") && !e.startsWith("label_values"))
                .allSatisfy(e -> assertThat(e).contains("municipality=~\"$municipality\"", "procedure=~\"$procedure\""));
    }

    @Test
    void prometheusScrapesTheActuatorAsTheMonitoringUser() throws IOException {
        String config = Files.readString(Path.of("docker/prometheus/prometheus.yml"));
        assertThat(config).contains("metrics_path: /actuator/prometheus", "username: monitoring",
                "password_file:", "app:8080").doesNotContain("password: ");
        assertThat(Files.readString(Path.of("docker/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: jukiflow-prometheus", "url: http://prometheus:9090");
        assertThat(Files.readString(Path.of("docker/grafana/provisioning/dashboards/jukiflow.yml")))
                .contains("path: /var/lib/grafana/dashboards");
    }
}
