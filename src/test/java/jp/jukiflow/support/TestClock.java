package jp.jukiflow.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The application's {@link Clock} bean in every test context, wrapped by {@link TestClockContextCustomizerFactory}: it
 * reads the configured clock (pinned to 2026-11-26 10:00 JST by application-test.yml) unless a test moves it for a
 * moment with {@link #at(Instant, Supplier)}, e.g. to file at the counter at 18:00 or on a Sunday. Every bean that took
 * the Clock (the business calendar, the gateways …) sees the moved time; the engine's own clock (timers) is untouched.
 * Always move it back ({@code at} does): the context is shared by every test class.
 */
public final class TestClock extends Clock {

    private final Clock configured;
    private final AtomicReference<Instant> moved;
    private final ZoneId zone;

    TestClock(Clock configured) {
        this(configured, new AtomicReference<>(), configured.getZone());
    }

    private TestClock(Clock configured, AtomicReference<Instant> moved, ZoneId zone) {
        this.configured = configured;
        this.moved = moved;
        this.zone = zone;
    }

    /** The test clock behind the application's Clock bean. */
    public static TestClock of(Clock applicationClock) {
        if (applicationClock instanceof TestClock testClock) {
            return testClock;
        }
        throw new IllegalStateException("The Clock bean is not wrapped by TestClockContextCustomizerFactory: "
                + applicationClock);
    }

    /** Runs the work with the application's clock at the given instant, then puts the clock back. */
    public <T> T at(Instant instant, Supplier<T> work) {
        Objects.requireNonNull(instant, "instant");
        if (!moved.compareAndSet(null, instant)) {
            throw new IllegalStateException("The test clock is already moved to " + moved.get());
        }
        try {
            return work.get();
        } finally {
            moved.set(null);
        }
    }

    @Override
    public Instant instant() {
        Instant at = moved.get();
        return at != null ? at : configured.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new TestClock(configured.withZone(otherZone), moved, otherZone);
    }
}
