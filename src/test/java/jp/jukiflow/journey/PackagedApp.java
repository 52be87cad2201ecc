package jp.jukiflow.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.jukiflow.support.TownDeployment;

/**
 * jukiflow as a user starts it: {@code java -jar} on the packaged jar, in a process of its own, with the real job
 * executor, its own port and mail ports, the demo profile (users, the demo register, the embedded mail server) unless
 * told otherwise, and the clock fixed through the setting {@code jukiflow.clock.fixed}. The log goes to a file under
 * {@code target/journeys/}; a start that does not get ready prints its end.
 *
 * <p>Restarting on the same database with other settings (a later instant, a stopped peer) is {@link #restart}.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final String name;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    private PackagedApp(String name, int port, Map<String, String> settings, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.settings = new LinkedHashMap<>(settings);
        this.environment = new LinkedHashMap<>(environment);
    }

    /** The settings a journey app gets unless it says otherwise; {@code clock} is the fixed instant. */
    public static Map<String, String> defaults(int port, Instant clock) {
        Map<String, String> s = new LinkedHashMap<>();
        int smtp = TownDeployment.freePort();
        int imap = TownDeployment.freePort();
        s.put("server.port", Integer.toString(port));
        s.put("spring.profiles.active", "demo");
        s.put("jukiflow.clock.fixed", clock.toString());
        s.put("jukiflow.mail.embedded.smtp-port", Integer.toString(smtp));
        s.put("jukiflow.mail.embedded.imap-port", Integer.toString(imap));
        s.put("spring.mail.port", Integer.toString(smtp));
        s.put("jukiflow.intake.mail.poll-interval", "PT2S");
        s.put("jukiflow.intake.mail.initial-delay", "PT1S");
        s.put("jukiflow.jpki.crl-url", "http://127.0.0.1:" + port + "/jpki/crl");
        s.put("jukiflow.public-base-url", "http://127.0.0.1:" + port);
        return s;
    }

    /** Starts the packaged jar and waits until it is ready. */
    public static PackagedApp start(String name, int port, Map<String, String> settings,
                                    Map<String, String> environment) {
        PackagedApp app = new PackagedApp(name, port, settings, environment);
        app.launch();
        return app;
    }

    /** Stops the application (as an operator would, SIGTERM) and starts it again with these settings changed. */
    public void restart(Map<String, String> changedSettings) {
        stop();
        settings.putAll(changedSettings);
        launch();
    }

    public String setting(String key) {
        return settings.get(key);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int smtpPort() {
        return Integer.parseInt(settings.get("jukiflow.mail.embedded.smtp-port"));
    }

    public int imapPort() {
        return Integer.parseInt(settings.get("jukiflow.mail.embedded.imap-port"));
    }

    public Path log() {
        return log;
    }

    private void launch() {
        Path jar = jar();
        Path dir = journeyDir();
        starts++;
        log = dir.resolve(name + (starts > 1 ? "-" + starts : "") + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small and quick on a 2-core machine: the journeys run several applications at once
        command.add("-Xmx640m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + jar, e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start (exit " + process.exitValue() + "):\n"
                        + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    /** The end of the log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the application and waits for it; idempotent. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static Path jar() {
        String configured = System.getProperty("jukiflow.journey.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "jukiflow-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged jar " + jar.toAbsolutePath() + " is missing: the journeys "
                    + "run after 'package' (./mvnw verify, or ./mvnw -Pjourneys verify)");
        }
        return jar;
    }

    static Path journeyDir() {
        Path dir = Path.of(System.getProperty("jukiflow.journey.dir", "target/journeys"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
