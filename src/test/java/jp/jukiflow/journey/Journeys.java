package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.jukiflow.support.TownDeployment;

/**
 * The packaged application every journey class shares, one per database kind: started on first use (fresh database,
 * demo data, job executor on, clock fixed to a weekday at 10:00 in Tokyo) and stopped when the test JVM ends. Journeys
 * on it pick people nobody else used ({@link DemoPeople}), so they do not depend on their order.
 */
public final class Journeys {

    /**
     * Tuesday 2026-12-01 10:00 in Tokyo: the counters are open. Before the day this suite was written, so that mail a
     * journey sends now counts as arriving "today" for the application (a mail's arrival is never later than the
     * application's clock), whatever day the suite runs.
     */
    public static final Instant WEEKDAY_MORNING = Instant.parse("2026-12-01T01:00:00Z");
    /** The day the journeys' movers moved: the day before {@link #WEEKDAY_MORNING}. */
    public static final String MOVED_ON = "2026-11-30";

    /** A running application and the database behind it. */
    public record Running(PackagedApp app, JourneyDatabase database, DemoPeople people) {
        public String baseUrl() {
            return app.baseUrl();
        }

        public EngineApi engine(String user) {
            return new EngineApi(app.baseUrl(), user, user);
        }

        public WebUser signedIn(String user) {
            return new WebUser(app.baseUrl()).signIn(user, user);
        }

        public WebUser resident() {
            return new WebUser(app.baseUrl());
        }
    }

    private static final Map<JourneyDatabase.Kind, Running> SHARED = new EnumMap<>(JourneyDatabase.Kind.class);
    private static final List<PackagedApp> STARTED = new CopyOnWriteArrayList<>();

    static {
        // one hook for both, in order: JVM shutdown hooks run at the same time, and an application whose PostgreSQL
        // stopped first waits for connections while it closes (30 s, past the fork's exit timeout: it was left running)
        Runtime.getRuntime().addShutdownHook(new Thread(Journeys::stopAll, "journeys-stop"));
    }

    private Journeys() {
    }

    /**
     * The shared application on that database kind. While developing, {@code -Djukiflow.journey.only=H2} skips the
     * other kind (never set by the build).
     */
    public static synchronized Running shared(JourneyDatabase.Kind kind) {
        assumeEnabled(kind);
        return SHARED.computeIfAbsent(kind, k -> start("shared-" + k.name().toLowerCase(), k, Map.of()));
    }

    /**
     * Skips the journey unless it runs on that database kind: {@code -Djukiflow.journey.only=H2} while developing (never
     * set by the build). {@link #shared} checks it; a journey with an application of its own calls it first.
     */
    public static void assumeEnabled(JourneyDatabase.Kind kind) {
        String only = System.getProperty("jukiflow.journey.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equalsIgnoreCase(kind.name()),
                "journeys on " + only + " only");
    }

    /** An application of its own (stopped by the caller), e.g. to restart it later with another clock. */
    public static Running start(String name, JourneyDatabase.Kind kind, Map<String, String> extraSettings) {
        return start(name, kind, extraSettings, TownDeployment.freePort());
    }

    /** An application of its own on a port chosen before (a peer must know it first). */
    public static Running start(String name, JourneyDatabase.Kind kind, Map<String, String> extraSettings, int port) {
        JourneyDatabase database = JourneyDatabase.fresh(kind, name);
        Map<String, String> settings = PackagedApp.defaults(port, WEEKDAY_MORNING);
        settings.putAll(database.settings());
        settings.putAll(extraSettings);
        PackagedApp app = PackagedApp.start(name, port, settings, Map.of());
        STARTED.add(app);
        return new Running(app, database, new DemoPeople(database));
    }

    /** Stops every application still running (at once), then the embedded PostgreSQL they used. */
    private static void stopAll() {
        List<Thread> stopping = STARTED.stream().map(app -> new Thread(app::stop, "stop-journey-app")).toList();
        stopping.forEach(Thread::start);
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        JourneyDatabase.stopEmbedded();
    }
}
