package jp.jukiflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jukiflow.audit.internal.ProvisionStore;
import jp.jukiflow.security.TenantAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provision records (提供記録, docs/domain.md §8): every provision of a resident's data to another body — what, to whom, why,
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
    private final Period retention;

    ProvisionRecords(ProvisionStore store, AuditLog auditLog, CurrentActor currentActor, TenantAccess tenantAccess,
                     Clock clock, @Value("${jukiflow.provision-records.retention:P7Y}") Period retention) {
        this.store = store;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.tenantAccess = tenantAccess;
        this.clock = clock;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("jukiflow.provision-records.retention must be positive: " + retention);
        }
        this.retention = retention;
    }

    /** How long a record is kept ({@code jukiflow.provision-records.retention}, default 7 years). */
    public Period retention() {
        return retention;
    }

    /** Records a provision made now by the providing municipality, with its PROVIDE line in the audit log. */
    @Transactional
    public ProvisionRecord record(NewProvision provision) {
        return insert(provision, null);
    }

    /**
     * The general API for every delivery of 本人確認情報 to another body (a Juki-net message, a feed to another system):
     * call it when the data is handed over, in the transaction of the sending, with the delivery's own id (the Juki-net
     * message id, a feed's delivery id). Idempotent per delivery and person: the same delivery recorded again (a
     * retried step) returns the first record and writes nothing; a deliberate re-send is a new delivery with a new id,
     * hence a new provision. A failed sending rolls the record back with it.
     */
    @Transactional
    public ProvisionRecord recordDelivered(NewProvision provision, String deliveryId) {
        Objects.requireNonNull(provision, "provision");
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
            throw new IllegalArgumentException("deliveryId must have 1 to 100 characters");
        }
        tenantAccess.check(provision.providingMunicipalityCode());
        return store.findByDelivery(deliveryId, provision.subjectResidentCode())
                .orElseGet(() -> insert(provision, deliveryId));
    }

    private ProvisionRecord insert(NewProvision provision, String deliveryId) {
        Objects.requireNonNull(provision, "provision");
        tenantAccess.check(provision.providingMunicipalityCode());
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        long id = store.insert(provision, today, now, currentActor.id(), deliveryId);
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

    /**
     * Deletes every record provided before the cutoff day, in one statement (two nodes running it at once delete
     * each row once); returns how many. A deletion is logged in the audit log as a count (no one's data in it).
     */
    @Transactional
    public int pruneRecordedBefore(LocalDate cutoff) {
        int deleted = store.deleteProvidedBefore(Objects.requireNonNull(cutoff, "cutoff"));
        if (deleted > 0) {
            auditLog.record(AuditAction.DELETE, null, null, "提供記録の保存期間経過による消去",
                    "提供年月日が " + cutoff + " より前の提供記録 " + deleted + " 件（保存期間 " + retention + "）");
        }
        return deleted;
    }

    /** Deletes the records whose retention has passed: provided before today minus the retention. */
    @Transactional
    public int pruneExpired() {
        return pruneRecordedBefore(LocalDate.now(clock).minus(retention));
    }

    /**
     * Every provision of one person's data the current operator's municipalities made, newest first, for the
     * disclosure (提供状況の開示): the provision records, and the {@link AuditAction#PROVIDE} lines of the audit log
     * that no listed record holds (a line written with a record appears once, as that record).
     */
    @Transactional(readOnly = true)
    public List<DisclosedProvision> disclosureOf(String residentCode) {
        TenantAccess.Scope scope = tenantAccess.current();
        List<ProvisionRecord> records = forResident(residentCode);
        Set<Long> recordIds = records.stream().map(ProvisionRecord::id).collect(Collectors.toSet());
        List<DisclosedProvision> lines = new ArrayList<>();
        records.forEach(r -> lines.add(new DisclosedProvision(r.providedOn(), r.recipientLabel(), r.purpose(), r.items(),
                r.reference(), DisclosedProvision.Source.PROVISION_RECORD)));
        ZoneId zone = clock.getZone();
        for (AuditEntry e : auditLog.entriesAbout(residentCode)) {
            if (e.action() != AuditAction.PROVIDE || !scope.includes(e.municipalityCode())) {
                continue;
            }
            ProvisionDetail detail = ProvisionDetail.parse(e.detail());
            if (detail.recordId() != null && recordIds.contains(detail.recordId())) {
                continue;
            }
            String recipient = detail.recipient() != null ? detail.recipient()
                    : e.detail() != null && !e.detail().isBlank() ? e.detail() : "（記録なし）";
            lines.add(new DisclosedProvision(e.occurredAt().atZone(zone).toLocalDate(), recipient, e.purpose(),
                    detail.items(), detail.reference(), DisclosedProvision.Source.AUDIT_LOG));
        }
        lines.sort(Comparator.comparing(DisclosedProvision::providedOn).reversed());
        return lines;
    }
}
