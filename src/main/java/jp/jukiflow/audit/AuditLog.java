package jp.jukiflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jp.jukiflow.audit.internal.AuditStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log of personal data (docs/domain.md §8). Every read or change of a resident through the project's own code
 * records who (the authenticated operator), when, what, whose data and for what purpose.
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditLog(AuditStore store, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Records an access by the operator of the current request, job or thread. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String municipalityCode, String subjectResidentCode, String purpose,
                       String detail) {
        Objects.requireNonNull(action, "action");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("An access to personal data needs a purpose");
        }
        store.insert(new AuditEntry(0, Instant.now(clock), currentActor.id(), municipalityCode, action,
                subjectResidentCode, purpose, detail));
    }

    /** The log lines about one person, newest first (for 提供状況の開示 and reviews). */
    public List<AuditEntry> entriesAbout(String residentCode) {
        return store.findBySubject(residentCode);
    }
}
