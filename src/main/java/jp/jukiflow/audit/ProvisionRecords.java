package jp.jukiflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.jukiflow.audit.internal.ProvisionStore;
import jp.jukiflow.security.TenantAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provision records (提供記録, DOMAIN.md §8): every provision of a resident's data to another body — what, to whom, why,
 * when — kept for the retention of {@code jukiflow.provision-records.retention} (7 years) and listed in the resident's
 * disclosure (提供状況の開示). Recording also writes a {@link AuditAction#PROVIDE} line to the {@link AuditLog}. A record
 * belongs to the providing municipality: an operator sees only the records of the municipalities they act for.
 */
@Service
public class ProvisionRecords {

    private final ProvisionStore store;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final TenantAccess tenantAccess;
    private final Clock clock;

    ProvisionRecords(ProvisionStore store, AuditLog auditLog, CurrentActor currentActor, TenantAccess tenantAccess,
                     Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.tenantAccess = tenantAccess;
        this.clock = clock;
    }

    /** Records a provision made now by the providing municipality, with its PROVIDE line in the audit log. */
    @Transactional
    public ProvisionRecord record(NewProvision provision) {
        Objects.requireNonNull(provision, "provision");
        tenantAccess.check(provision.providingMunicipalityCode());
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        long id = store.insert(provision, today, now, currentActor.id());
        ProvisionRecord record = new ProvisionRecord(id, today, now, provision.providingMunicipalityCode(),
                provision.subjectResidentCode(), provision.recipientName(), provision.recipientCode(),
                provision.purpose(), provision.items(), provision.reference());
        auditLog.record(AuditAction.PROVIDE, provision.providingMunicipalityCode(), provision.subjectResidentCode(),
                provision.purpose(), ProvisionDetail.of(record).text());
        return record;
    }

    /** The records of one person the current operator may see (their municipality's), newest first. */
    @Transactional(readOnly = true)
    public List<ProvisionRecord> forResident(String residentCode) {
        TenantAccess.Scope scope = tenantAccess.current();
        return store.findBySubject(residentCode).stream()
                .filter(r -> scope.includes(r.providingMunicipalityCode()))
                .toList();
    }

    /** Deletes every record provided before the cutoff day (the retention's end); returns how many. */
    @Transactional
    public int pruneRecordedBefore(LocalDate cutoff) {
        return store.deleteProvidedBefore(Objects.requireNonNull(cutoff, "cutoff"));
    }
}
