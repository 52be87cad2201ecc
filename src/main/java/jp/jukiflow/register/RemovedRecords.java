package jp.jukiflow.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.register.internal.RemovedRecordStore;
import jp.jukiflow.security.TenantAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 除票 a municipality keeps (docs/domain.md §10): written by {@link ResidentRegister} in the transaction of each removal,
 * kept {@code jukiflow.register.removed-record-retention} (default 150 years, 住民基本台帳法施行令 §34) from the removal
 * date. An operator reads only their own municipality's 除票, each read audited with its purpose; another
 * municipality's 除票 is not found, exactly like one that does not exist.
 */
@Service
@Transactional
public class RemovedRecords {

    private final RemovedRecordStore store;
    private final AuditLog audit;
    private final TenantAccess tenantAccess;
    private final Clock clock;
    private final Period retention;

    RemovedRecords(RemovedRecordStore store, AuditLog audit, TenantAccess tenantAccess, Clock clock,
                   @Value("${jukiflow.register.removed-record-retention:P150Y}") Period retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("jukiflow.register.removed-record-retention must be positive: " + retention);
        }
        this.store = store;
        this.audit = audit;
        this.tenantAccess = tenantAccess;
        this.clock = clock;
        this.retention = retention;
    }

    /** How long a 除票 is kept from its removal date. */
    public Period retention() {
        return retention;
    }

    /** The 除票 of the person that the operator's municipality keeps, newest first; each one listed is audited. */
    public List<RemovedRecord> visibleOf(ResidentCode code, String purpose) {
        List<RemovedRecord> records = store.findRemoved(code.value()).stream()
                .filter(r -> tenantAccess.sees(r.municipalityCode())).toList();
        records.forEach(r -> read(r, purpose));
        return records;
    }

    /** One 除票 by id if the operator's municipality keeps it (audited); empty for another municipality's. */
    public Optional<RemovedRecord> findVisible(long id, String purpose) {
        Optional<RemovedRecord> record = store.findRemoved(id).filter(r -> tenantAccess.sees(r.municipalityCode()));
        record.ifPresent(r -> read(r, purpose));
        return record;
    }

    /**
     * One 除票 by id for a copy (除票の写し) if the operator's municipality keeps it; the issue is audited with the
     * purpose and whether 本籍・筆頭者 are printed. Empty for another municipality's 除票.
     */
    public Optional<RemovedRecord> certify(long id, String purpose, boolean withHonseki) {
        Optional<RemovedRecord> record = store.findRemoved(id).filter(r -> tenantAccess.sees(r.municipalityCode()));
        record.ifPresent(r -> audit.record(AuditAction.READ, r.municipalityCode(), r.code().value(), purpose,
                "除票の写しを交付（" + r.reason().label() + " " + r.removedOn() + "、本籍・筆頭者: "
                        + (withHonseki ? "記載" : "省略") + "）"));
        return record;
    }

    /**
     * Deletes every 除票 whose retention ended before today, in one statement (safe on several nodes); the deletion is
     * audited as a count.
     */
    public int pruneExpired() {
        int deleted = store.deleteRetainedUntilBefore(LocalDate.now(clock));
        if (deleted > 0) {
            audit.record(AuditAction.DELETE, null, null, "除票の保存期間経過による消去",
                    "保存期間（" + retention + "）を過ぎた除票 " + deleted + " 件");
        }
        return deleted;
    }

    /** The person's register row, as it stands, becomes its municipality's 除票 (same transaction as the removal). */
    void keep(ResidentCode code, RemovalReason reason, LocalDate removedOn, String reference) {
        store.copyAsRemoved(code.value(), reason, removedOn, reference, Instant.now(clock), removedOn.plus(retention));
    }

    /**
     * Another municipality of this deployment takes the person's row over (特例転入 before the origin's 転出確定): the
     * row as it stood at its municipality is captured, to become that municipality's 除票 with its removal.
     */
    void captureBeforeHandOver(ResidentCode code, String reference) {
        store.capture(code.value(), reference, Instant.now(clock));
    }

    /** The captured row of the person at the municipality becomes its 除票; false when nothing was captured. */
    boolean keepCaptured(ResidentCode code, String municipalityCode, RemovalReason reason, LocalDate removedOn,
                         String reference) {
        return store.removeCaptured(code.value(), municipalityCode, reason, removedOn, reference, Instant.now(clock),
                removedOn.plus(retention));
    }

    /** The 除票 of the person the municipality wrote last (no audit line: the caller's removal is audited). */
    RemovedRecord latestOf(ResidentCode code, String municipalityCode) {
        return store.findRemoved(code.value()).stream().filter(r -> r.municipalityCode().equals(municipalityCode))
                .max(java.util.Comparator.comparingLong(RemovedRecord::id)).orElseThrow();
    }

    private void read(RemovedRecord r, String purpose) {
        audit.record(AuditAction.READ, r.municipalityCode(), r.code().value(), purpose,
                "除票（" + r.reason().label() + " " + r.removedOn() + "）");
    }
}
