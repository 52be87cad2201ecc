package jp.jukiflow.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds a tool that comes from outside Maven (docker-compose, chromium …). Where it is missing a test skips with a
 * loud message, except on CI ({@code CI=true}), where a missing tool fails the build.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    public static Path require(String name, String howToInstall) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            String message = "*** " + name + " is not installed: this test cannot run. Install it with: " + howToInstall + " ***";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        return found.get();
    }

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
