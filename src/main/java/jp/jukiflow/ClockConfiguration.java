package jp.jukiflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every rule takes "today" from. {@code jukiflow.clock.fixed} (an ISO instant) runs the whole
 * application "as of" that moment, for demos and reproductions; otherwise the system clock in Asia/Tokyo.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${jukiflow.zone:Asia/Tokyo}") String zone,
                @Value("${jukiflow.clock.fixed:}") String fixedInstant) {
        ZoneId zoneId = ZoneId.of(zone);
        if (fixedInstant.isBlank()) {
            return Clock.system(zoneId);
        }
        return Clock.fixed(Instant.parse(fixedInstant), zoneId);
    }
}
