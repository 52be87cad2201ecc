package jp.jukiflow.jukinet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.jukiflow.jukinet.internal.JukinetMessageStore;
import jp.jukiflow.municipality.LocalGovernmentCode;
import org.springframework.stereotype.Service;

/**
 * The Juki-net message log, read side: what was sent and received about a case, and what was provided to another
 * municipality (提供状況, docs/domain.md §8).
 */
@Service
public class JukinetMessageLog {

    private final JukinetMessageStore store;
    private final ZoneId zone;

    JukinetMessageLog(JukinetMessageStore store, Clock clock) {
        this.store = store;
        this.zone = clock.getZone();
    }

    /** Every logged message (sent and received) of one case, oldest first. */
    public List<LoggedMessage> messagesAbout(String correlationId) {
        return store.findByCorrelation(correlationId);
    }

    /**
     * The messages sent to one municipality between two days (both included, in the deployment's time zone), oldest
     * first: the provision record.
     */
    public List<LoggedMessage> providedTo(String municipalityCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends before it starts: " + from + " … " + to);
        }
        return store.findSentTo(LocalGovernmentCode.of(municipalityCode).value(),
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
