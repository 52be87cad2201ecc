package jp.jukiflow.intake.internal;

import jp.jukiflow.intake.IntakeMailboxReader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the intake mailboxes every {@code jukiflow.intake.mail.poll-interval} (default PT30S) when
 * {@code jukiflow.intake.mail.enabled} is true, which it is by default whenever the embedded mail server runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("${jukiflow.intake.mail.enabled:${jukiflow.mail.embedded.enabled:false}}")
class IntakeMailPolling {

    private final IntakeMailboxReader reader;

    IntakeMailPolling(IntakeMailboxReader reader) {
        this.reader = reader;
    }

    @Scheduled(initialDelayString = "${jukiflow.intake.mail.initial-delay:PT5S}",
            fixedDelayString = "${jukiflow.intake.mail.poll-interval:PT30S}")
    void poll() {
        reader.poll();
    }
}
