package jp.jukiflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after the unit and process tests (Failsafe, phase integration-test) and reads the reports of
 * process-test-coverage: every {@code *ProcessTest} must have driven every flow node and sequence flow of its own
 * process (the key spelled by its class name), and every BPMN in processes/ must have such a test.
 */
class ProcessCoverageIT {

    static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    void everyProcessTestCoversItsProcessesCompletely() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REPORTS), "no coverage reports: the unit tests did not run in this build");
        Map<String, Double> coverage = new HashMap<>();
        try (Stream<Path> dirs = Files.list(REPORTS)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().endsWith("ProcessTest")).toList()) {
                // a process test answers for its own process (MailReviewProcessTest → mail-review); a process it
                // merely starts on the way (mail-review's accepted mail starts transfer-out-by-mail) has its own test
                String own = processKeyOf(dir.getFileName().toString());
                coverageOf(dir.resolve("report.json")).forEach((key, ratio) -> {
                    if (key.equals(own)) {
                        coverage.put(key, ratio);
                    }
                });
            }
        }
        assertThat(coverage).as("process keys covered by a *ProcessTest").containsKeys(processKeys().toArray(String[]::new));
        assertThat(coverage).allSatisfy((key, ratio) -> assertThat(ratio).as(key).isEqualTo(1.0));
    }

    /** Covered share of flow nodes and sequence flows per process key, over all test methods of the class. */
    static Map<String, Double> coverageOf(Path report) throws IOException {
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        Map<String, Set<String>> covered = new HashMap<>();
        for (JsonNode event : root.findValues("events")) {
            for (JsonNode e : event) {
                covered.computeIfAbsent(e.get("modelKey").asText(), k -> new HashSet<>()).add(e.get("definitionKey").asText());
            }
        }
        Map<String, Double> ratios = new HashMap<>();
        for (JsonNode model : root.get("models")) {
            String key = model.get("key").asText();
            int total = model.get("totalElementCount").asInt();
            ratios.put(key, covered.getOrDefault(key, Set.of()).size() / (double) total);
        }
        return ratios;
    }

    /** jp.jukiflow.intake.MailReviewProcessTest → mail-review. */
    static String processKeyOf(String testClassName) {
        String simple = testClassName.substring(testClassName.lastIndexOf('.') + 1).replaceFirst("ProcessTest$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> processKeys() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn"))
                    .map(f -> f.getFileName().toString().replace(".bpmn", "")).toList();
        }
    }
}
