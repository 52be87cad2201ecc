package jp.jukiflow.engine;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the engine's clock (timers, retry spacing, due dates) beside the application's when the application runs "as
 * of" an instant ({@code jukiflow.clock.fixed}): the engine starts at that instant and goes on ticking, so a timer of
 * 30 days counts from the day the rules see, a retry a minute later happens a minute later, and restarting with a
 * later instant lets the timers due by then fire. Without it the engine would run on the machine's time while the
 * rules run on the fixed day (a lapse computed from the fixed day could fire at once, or never).
 *
 * <p>{@code jukiflow.clock.engine-follows: false} leaves the engine on the machine's clock (the test profile: tests
 * move the engine's clock themselves).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class EngineClock extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineClock.class);

    private final String fixedInstant;
    private final boolean follows;

    EngineClock(@Value("${jukiflow.clock.fixed:}") String fixedInstant,
                @Value("${jukiflow.clock.engine-follows:true}") boolean follows) {
        this.fixedInstant = fixedInstant;
        this.follows = follows;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        if (fixedInstant.isBlank() || !follows) {
            return;
        }
        long offset = Instant.parse(fixedInstant).toEpochMilli() - System.currentTimeMillis();
        ClockUtil.offset(offset);
        log.info("Engine clock runs from {} (offset {} ms from the machine's clock)", fixedInstant, offset);
    }
}
