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
import jp.jukiflow.support.ProcessUnderTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after the unit and process tests (Failsafe, phase integration-test) and reads the reports of
 * process-test-coverage: the tests naming a process with {@link ProcessUnderTest} (one class or several split by path,
 * nested classes included) must together have driven every flow node and sequence flow of it, and every BPMN in
 * processes/ must have such tests.
 */
class ProcessCoverageIT {

    static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    void everyProcessTestCoversItsProcessesCompletely() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REPORTS), "no coverage reports: the unit tests did not run in this build");
        Map<String, Set<String>> covered = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        try (Stream<Path> dirs = Files.list(REPORTS)) {
            // the *PostgresIT repeat the tests on PostgreSQL; the unit tests' reports answer
            for (Path dir : dirs.filter(d -> !d.getFileName().toString().endsWith("IT")).toList()) {
                // a process test answers for its own process (@ProcessUnderTest("mail-review")); a process it merely
                // starts on the way (mail-review's accepted mail starts transfer-out-by-mail) has its own test. The
                // classes naming one process (split by path) answer for it together.
                String own = processKeyOf(dir.getFileName().toString());
                if (own == null) {
                    continue;
                }
                Report report = Report.read(dir.resolve("report.json"));
                covered.computeIfAbsent(own, k -> new HashSet<>()).addAll(report.covered().getOrDefault(own, Set.of()));
                if (report.totals().containsKey(own)) {
                    totals.put(own, report.totals().get(own));
                }
            }
        }
        Map<String, Double> coverage = new HashMap<>();
        totals.forEach((key, total) -> coverage.put(key, covered.getOrDefault(key, Set.of()).size() / (double) total));
        assertThat(coverage).as("process keys covered by a @ProcessUnderTest test").containsKeys(processKeys().toArray(String[]::new));
        assertThat(coverage).allSatisfy((key, ratio) -> assertThat(ratio).as(key).isEqualTo(1.0));
    }

    /** The flow nodes and sequence flows a report's runs passed, and each model's number of them, per process key. */
    record Report(Map<String, Set<String>> covered, Map<String, Integer> totals) {

        static Report read(Path report) throws IOException {
            JsonNode root = new ObjectMapper().readTree(report.toFile());
            Map<String, Set<String>> covered = new HashMap<>();
            for (JsonNode event : root.findValues("events")) {
                for (JsonNode e : event) {
                    covered.computeIfAbsent(e.get("modelKey").asText(), k -> new HashSet<>()).add(e.get("definitionKey").asText());
                }
            }
            Map<String, Integer> totals = new HashMap<>();
            for (JsonNode model : root.get("models")) {
                totals.put(model.get("key").asText(), model.get("totalElementCount").asInt());
            }
            return new Report(covered, totals);
        }
    }

    /**
     * The process a test class (a report folder's name) answers for: its {@link ProcessUnderTest}, looked for on the
     * class and, for a nested class, on the classes around it; null for a class that names none or is gone.
     */
    static String processKeyOf(String testClassName) {
        Class<?> type;
        try {
            type = Class.forName(testClassName);
        } catch (ClassNotFoundException e) {
            return null; // a report left from a class since renamed
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            ProcessUnderTest under = c.getAnnotation(ProcessUnderTest.class);
            if (under != null) {
                return under.value();
            }
        }
        return null;
    }

    static List<String> processKeys() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn"))
                    .map(f -> f.getFileName().toString().replace(".bpmn", "")).toList();
        }
    }
}
