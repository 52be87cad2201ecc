package jp.jukiflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.jukiflow.support.DiagramGeometry;

/**
 * Every diagram in processes/ reads cleanly in Cockpit and Camunda Modeler: no flow runs through a shape, no label
 * overlaps another label or a shape, every flow starts and ends on its own elements (see {@link DiagramGeometry}).
 */
class DiagramLayoutTest {

    static Stream<Path> models() throws IOException {
        return ProcessConventionsTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theDiagramHasNoCrossingsNorOverlaps(Path file) throws IOException {
        List<String> problems = DiagramGeometry.problems(Files.readString(file, StandardCharsets.UTF_8)).stream()
                .map(problem -> file.getFileName() + ": " + problem)
                .toList();
        assertThat(problems).as("drawing problems of %s", file).isEmpty();
    }
}
