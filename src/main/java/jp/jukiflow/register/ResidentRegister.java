package jp.jukiflow.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.register.internal.ResidentStore;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident register (住民基本台帳) as the rest of jukiflow sees it. Every read or change of a person records an
 * audit line (who, when, what, whose, why), and an operator reaches only their own municipality's residents.
 */
@Service
@Transactional
public class ResidentRegister {

    public static final String EVENT_MOVE_OUT_PLANNED = "TRANSFER_OUT_PLANNED";
    public static final String EVENT_MOVE_OUT_CONFIRMED = "TRANSFER_OUT_CONFIRMED";
    public static final String EVENT_MOVE_OUT_CANCELLED = "TRANSFER_OUT_CANCELLED";
    public static final String EVENT_TRANSFER_IN = "TRANSFER_IN";
    /** A removal other than by 転出確定: {@code REMOVED_} and the {@link RemovalReason} (e.g. REMOVED_DEATH). */
    public static final String EVENT_REMOVED_PREFIX = "REMOVED_";

    private static final Logger log = LoggerFactory.getLogger(ResidentRegister.class);

    private final ResidentStore store;
    private final RemovedRecords removedRecords;
    private final AuditLog audit;
    private final TenantAccess tenantAccess;
    private final Clock clock;

    ResidentRegister(ResidentStore store, RemovedRecords removedRecords, AuditLog audit, TenantAccess tenantAccess,
                     Clock clock) {
        this.store = store;
        this.removedRecords = removedRecords;
        this.audit = audit;
        this.tenantAccess = tenantAccess;
        this.clock = clock;
    }

    /** One resident by 住民票コード, read for the given purpose. */
    public Optional<Resident> find(ResidentCode code, String purpose) {
        Optional<Resident> resident = store.find(code.value());
        resident.ifPresent(r -> read(r, AuditAction.READ, purpose));
        return resident;
    }

    /**
     * One resident by 住民票コード if the operator's municipality holds them, read for the given purpose; a resident of
     * another municipality is not found (empty, no audit line), exactly like an unknown code.
     */
    public Optional<Resident> findVisible(ResidentCode code, String purpose) {
        Optional<Resident> resident = store.find(code.value()).filter(r -> tenantAccess.sees(r.municipalityCode()));
        resident.ifPresent(r -> read(r, AuditAction.READ, purpose));
        return resident;
    }

    /** The members of a household, oldest first. */
    public List<Resident> householdMembers(long householdId, String purpose) {
        List<Resident> members = store.findByHousehold(householdId);
        members.forEach(r -> read(r, AuditAction.READ, purpose));
        return members;
    }

    /** Residents of a municipality matching name and birth date exactly (the register match of a request). */
    public List<Resident> match(String municipalityCode, String familyName, String givenName, LocalDate birthDate,
                                String purpose) {
        tenantAccess.check(municipalityCode);
        List<Resident> hits = store.findByNameAndBirthDate(municipalityCode, familyName, givenName, birthDate);
        hits.forEach(r -> read(r, AuditAction.SEARCH, purpose));
        return hits;
    }

    /** How many people a municipality's register holds (no personal data, so no audit line). */
    @Transactional(readOnly = true)
    public long count(String municipalityCode) {
        return store.countByMunicipality(municipalityCode);
    }

    public Optional<Household> household(long id) {
        return store.findHousehold(id);
    }

    public Household createHousehold(String municipalityCode, String postalCode, String address) {
        tenantAccess.check(municipalityCode);
        long id = store.insertHousehold(municipalityCode, postalCode, address);
        return new Household(id, municipalityCode, postalCode, address, null);
    }

    /** Records a person in the register, as head of their household when the 続柄 says so. */
    public void register(Resident resident, String purpose) {
        tenantAccess.check(resident.municipalityCode());
        store.insert(resident);
        if (resident.householdId() != null && resident.isHeadOfHousehold()) {
            store.setHouseholdHead(resident.householdId(), resident.code().value());
        }
        audit.record(AuditAction.CREATE, resident.municipalityCode(), resident.code().value(), purpose, null);
    }

    /** 転出予定: the person will move out on the planned date to the destination. */
    public void recordPlannedMoveOut(ResidentCode code, LocalDate plannedDate, String destinationCode,
                                     String destinationAddress, String reference, String purpose) {
        Resident r = require(code);
        store.updateMoveOut(code.value(), ResidentStatus.MOVING_OUT.name(), plannedDate, destinationCode, destinationAddress);
        store.insertEvent(code.value(), r.municipalityCode(), EVENT_MOVE_OUT_PLANNED, plannedDate, Instant.now(clock), reference);
        audit.record(AuditAction.UPDATE, r.municipalityCode(), code.value(), purpose, "転出予定 " + plannedDate);
    }

    /**
     * 転出確定 at {@code originCode}: the destination registered the person (転入通知), so the origin's record is closed
     * (住民票消除 → 除票) with the actual move date, and a 転出確定 event of the origin is kept for the prefecture feed.
     * The origin's 除票 is written in the same transaction: copied from the row while the origin still holds it, or,
     * where the destination is served by this deployment too and its 特例転入 already took the row (one per 住民票コード)
     * over, made from the origin's record captured at that hand-over; the destination's row is never touched.
     */
    public void confirmMoveOut(ResidentCode code, String originCode, LocalDate movedOn, String reference,
                               String purpose) {
        tenantAccess.check(originCode);
        Resident r = store.find(code.value()).orElseThrow(() -> new IllegalArgumentException("No resident " + code));
        store.insertEvent(code.value(), originCode, EVENT_MOVE_OUT_CONFIRMED, movedOn, Instant.now(clock), reference);
        if (r.municipalityCode().equals(originCode) && r.status() == ResidentStatus.MOVING_OUT) {
            removedRecords.keep(code, RemovalReason.TRANSFER_OUT, movedOn, reference);
            store.updateMoveOut(code.value(), ResidentStatus.DELETED.name(), movedOn, null, null);
        } else if (!removedRecords.keepCaptured(code, originCode, RemovalReason.TRANSFER_OUT, movedOn, reference)) {
            log.warn("転出確定 of {} at {}: the register row is no longer the origin's and no record of it was "
                    + "captured (moved before the 除票 store existed); no 除票 written", code, originCode);
        }
        audit.record(AuditAction.DELETE, originCode, code.value(), purpose, "転出確定 " + movedOn);
    }

    /**
     * 住民票消除 at {@code municipalityCode} for a reason other than a 転出 closed by a 転入通知 — 国外転出 (on the
     * move-out date), 死亡, 職権消除 — effective {@code removedOn}: in one transaction the 除票 is kept (the record as it
     * stands, the reason, the date), the row becomes {@link ResidentStatus#DELETED}, an event
     * {@value #EVENT_REMOVED_PREFIX}&lt;reason&gt; is kept and the removal audited. Refused (a {@link DomainRuleViolation},
     * nothing stored) without a reason or date, for a date after today, or for a person who is not a resident (住民 or
     * 転出予定) of that municipality; another municipality's resident reads as unknown.
     */
    public RemovedRecord remove(ResidentCode code, String municipalityCode, RemovalReason reason, LocalDate removedOn,
                                String reference, String purpose) {
        tenantAccess.check(municipalityCode);
        RemovalCheck.require(code, reason, removedOn, LocalDate.now(clock));
        Resident r = store.find(code.value()).filter(x -> x.municipalityCode().equals(municipalityCode)
                && x.status() != ResidentStatus.MOVING_IN).orElseThrow(() -> RemovalCheck.unknown(code));
        if (r.status() == ResidentStatus.DELETED) {
            throw RemovalCheck.alreadyRemoved(code);
        }
        removedRecords.keep(code, reason, removedOn, reference);
        store.updateMoveOut(code.value(), ResidentStatus.DELETED.name(), removedOn, null, null);
        store.insertEvent(code.value(), municipalityCode, EVENT_REMOVED_PREFIX + reason.name(), removedOn,
                Instant.now(clock), reference);
        audit.record(AuditAction.DELETE, municipalityCode, code.value(), purpose, reason.label() + " " + removedOn);
        return removedRecords.latestOf(code, municipalityCode);
    }

    /**
     * 特例転入: the person, keeping their 住民票コード, becomes a resident of {@code municipalityCode} in the given
     * household at its address, with the 続柄 there; a {@code TRANSFER_IN} event is kept.
     */
    public void registerMovedIn(ResidentCode code, String municipalityCode, Household household, String relationship,
                                LocalDate movedInOn, String reference, String purpose) {
        tenantAccess.check(municipalityCode);
        Resident before = store.find(code.value())
                .orElseThrow(() -> new IllegalArgumentException("No resident " + code));
        if (!before.municipalityCode().equals(municipalityCode) && before.status() != ResidentStatus.MOVING_IN) {
            // one deployment: the origin's row is taken over; what the origin held becomes its 除票 on its 転出確定
            removedRecords.captureBeforeHandOver(code, reference);
        }
        store.updateMovedIn(code.value(), municipalityCode, household.id(), household.postalCode(), household.address(),
                relationship);
        if (Resident.HEAD_OF_HOUSEHOLD.equals(relationship)) {
            store.setHouseholdHead(household.id(), code.value());
        }
        store.insertEvent(code.value(), municipalityCode, EVENT_TRANSFER_IN, movedInOn, Instant.now(clock), reference);
        audit.record(AuditAction.UPDATE, municipalityCode, code.value(), purpose, "転入 " + movedInOn);
    }

    /**
     * 特例転入 from the 転出証明書情報: as {@link #registerMovedIn}, except that a person this deployment's register does not
     * hold (they moved in from a municipality served by another deployment) is created from the certificate's facts:
     * the same 住民票コード, 氏名 and フリガナ, 生年月日 and 性別, status {@code RESIDENT}, the new household, address and
     * 続柄, and no 本籍/筆頭者, which the certificate does not carry (docs/domain.md §8). The certificate does not carry the
     * nationality either; the row is recorded as a national ({@code JAPANESE}) until a clerk corrects it. Either way a
     * {@code TRANSFER_IN} event is kept and the audit names the 転入; a created row is audited as {@code CREATE}.
     */
    public void registerMovedInFromCertificate(MovingInPerson person, String municipalityCode, Household household,
                                               String relationship, LocalDate movedInOn, String reference,
                                               String purpose) {
        tenantAccess.check(municipalityCode);
        if (store.find(person.code().value()).isPresent()) {
            registerMovedIn(person.code(), municipalityCode, household, relationship, movedInOn, reference, purpose);
            return;
        }
        store.insert(new Resident(person.code(), municipalityCode, household.id(), person.name(), person.birthDate(),
                person.sex(), household.postalCode(), household.address(), relationship, ResidentStatus.RESIDENT,
                Nationality.JAPANESE, null, null, null, null, null));
        if (Resident.HEAD_OF_HOUSEHOLD.equals(relationship)) {
            store.setHouseholdHead(household.id(), person.code().value());
        }
        store.insertEvent(person.code().value(), municipalityCode, EVENT_TRANSFER_IN, movedInOn, Instant.now(clock),
                reference);
        audit.record(AuditAction.CREATE, municipalityCode, person.code().value(), purpose,
                "転入 " + movedInOn + "（転出証明書情報から記載）");
    }

    /**
     * The holder of a card presented at this municipality's counter before the special transfer-in registers them: a
     * row with status {@code MOVING_IN} (not a resident yet), no household, the address they move to, so that the
     * card can be kept here (a card's row needs its holder's). Does nothing when the register already holds the
     * person (one deployment: the origin's row). Returns whether a row was created.
     */
    public boolean recordExpectedMoveIn(MovingInPerson person, String municipalityCode, String newAddress,
                                        String relationship, String reference, String purpose) {
        tenantAccess.check(municipalityCode);
        if (store.find(person.code().value()).isPresent()) {
            return false;
        }
        store.insert(new Resident(person.code(), municipalityCode, null, person.name(), person.birthDate(),
                person.sex(), null, newAddress, relationship, ResidentStatus.MOVING_IN, Nationality.JAPANESE, null,
                null, null, null, null));
        audit.record(AuditAction.CREATE, municipalityCode, person.code().value(), purpose,
                "転入予定（" + reference + "）");
        return true;
    }

    /** 転出取消: the planned move-out is withdrawn; the person is a resident again. */
    public void cancelMoveOut(ResidentCode code, String reference, String purpose) {
        Resident r = require(code);
        store.updateMoveOut(code.value(), ResidentStatus.RESIDENT.name(), null, null, null);
        store.insertEvent(code.value(), r.municipalityCode(), EVENT_MOVE_OUT_CANCELLED, null, Instant.now(clock), reference);
        audit.record(AuditAction.UPDATE, r.municipalityCode(), code.value(), purpose, "転出取消");
    }

    /**
     * The day the person last moved in to {@code municipalityCode} (the effective date of the latest 転入 there), empty
     * when the register does not know it (e.g. a resident since birth, or recorded before events were kept). For a
     * copy of the record: 住民となった年月日 and 住所を定めた年月日.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> movedInOn(ResidentCode code, String municipalityCode) {
        return store.lastEventDate(code.value(), municipalityCode, EVENT_TRANSFER_IN);
    }

    /** The register events of a person, oldest first (event types). */
    public List<String> events(ResidentCode code) {
        return store.eventTypes(code.value());
    }

    private Resident require(ResidentCode code) {
        Resident r = store.find(code.value()).orElseThrow(() -> new IllegalArgumentException("No resident " + code));
        tenantAccess.check(r.municipalityCode());
        return r;
    }

    private void read(Resident r, AuditAction action, String purpose) {
        tenantAccess.check(r.municipalityCode());
        audit.record(action, r.municipalityCode(), r.code().value(), purpose, null);
    }
}
