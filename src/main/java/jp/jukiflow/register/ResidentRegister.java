package jp.jukiflow.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.register.internal.ResidentStore;
import jp.jukiflow.security.TenantAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident register (住民基本台帳) as the rest of jukiflow sees it. Every read or change of a person records an
 * audit line (who, when, what, whose, why), and an operator reaches only their own municipality's residents.
 */
@Service
@Transactional
public class ResidentRegister {

    private final ResidentStore store;
    private final AuditLog audit;
    private final TenantAccess tenantAccess;

    ResidentRegister(ResidentStore store, AuditLog audit, TenantAccess tenantAccess) {
        this.store = store;
        this.audit = audit;
        this.tenantAccess = tenantAccess;
    }

    /** One resident by 住民票コード, read for the given purpose. */
    public Optional<Resident> find(ResidentCode code, String purpose) {
        Optional<Resident> resident = store.find(code.value());
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

    private void read(Resident r, AuditAction action, String purpose) {
        tenantAccess.check(r.municipalityCode());
        audit.record(action, r.municipalityCode(), r.code().value(), purpose, null);
    }
}
