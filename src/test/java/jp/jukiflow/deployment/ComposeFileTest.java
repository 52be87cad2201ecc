package jp.jukiflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jp.jukiflow.support.ExternalTool;
import org.junit.jupiter.api.Test;

/** docker/compose.yml is valid for docker-compose and wires the app to PostgreSQL and the mail server. */
class ComposeFileTest {

    @Test
    void composeFileIsValid() throws IOException, InterruptedException {
        Path tool = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        ProcessBuilder builder = new ProcessBuilder(tool.toString(), "-f", "docker/compose.yml", "config")
                .redirectErrorStream(true);
        builder.environment().put("JUKIFLOW_ADMIN_PASSWORD", "test-only");
        builder.environment().put("JUKIFLOW_MONITORING_PASSWORD", "test-only-monitoring");
        builder.environment().put("JUKIFLOW_GRAFANA_PASSWORD", "test-only-grafana");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SPRING_PROFILES_ACTIVE: postgres", "JUKIFLOW_DB_URL: jdbc:postgresql://postgres:5432/jukiflow",
                "JUKIFLOW_SMTP_HOST: mail", "image: prom/prometheus:", "image: grafana/grafana:",
                "/etc/prometheus/prometheus.yml", "/etc/grafana/provisioning", "JUKIFLOW_MONITORING_PASSWORD");
    }

    @Test
    void dockerfileRunsTheJarOnAJava17JreWithJapaneseFonts() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "fonts-noto-cjk", "jukiflow.jar");
    }
}
