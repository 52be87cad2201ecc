package jp.jukiflow.widearea.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import jp.jukiflow.jukinet.WideAreaCopyResponse;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.Household;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home municipality's answer to a {@link WideAreaCopyRequest}, from its own register (docs/domain.md §7, §8): the
 * requester must be a resident here, and every person of the copy a resident here in the requester's household;
 * otherwise a refusal with the reason. An answer carries only what the copy may show — 氏名, フリガナ, 生年月日, 性別,
 * 住所, 世帯主, the dates of becoming resident here when known, 続柄 and 住民票コード only when requested — built field
 * by field, so 本籍 and 筆頭者 of the register never reach it. Each person answered gets a provision record
 * (with its PROVIDE audit line); every register read is audited with the purpose.
 */
@Component
class HomeRegisterAnswers {

    static final String PURPOSE = "住民票の写しの広域交付";

    private final ResidentRegister register;
    private final ProvisionRecords provisions;
    private final MunicipalityDirectory directory;
    private final Clock clock;

    HomeRegisterAnswers(ResidentRegister register, ProvisionRecords provisions, MunicipalityDirectory directory,
                        Clock clock) {
        this.register = register;
        this.provisions = provisions;
        this.directory = directory;
        this.clock = clock;
    }

    /** A refusal raised while answering: its Japanese reason goes to the counter. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    @Transactional
    public WideAreaCopyResponse answer(WideAreaCopyRequest request) {
        String home = request.homeCode();
        String homeName = directory.require(LocalGovernmentCode.of(home)).name();
        String purpose = PURPOSE + "（交付地 " + request.issuingMunicipalityName() + "）";
        Instant now = Instant.now(clock);
        try {
            Resident requester = requester(request, homeName, purpose);
            List<Resident> persons = persons(request, requester, homeName, purpose);
            Household household = register.household(requester.householdId()).orElseThrow(() ->
                    new Refusal("請求者の世帯の記録が" + homeName + "の住民基本台帳で見つかりません。住所地にお問い合わせください。"));
            String headName = headName(household, persons, purpose);
            List<WideAreaCopyResponse.Person> shown = new ArrayList<>();
            for (Resident r : persons) {
                Optional<LocalDate> movedIn = register.movedInOn(r.code(), home);
                shown.add(new WideAreaCopyResponse.Person(r.name().full(), r.name().fullKana(), r.birthDate(),
                        r.sex().label(), request.showRelationship() ? r.relationship() : null,
                        request.showResidentCode() ? r.code().value() : null, movedIn.orElse(null),
                        movedIn.orElse(null)));
            }
            WideAreaCopyResponse response = WideAreaCopyResponse.answered(request, homeName, household.address(),
                    headName, shown, now);
            for (int i = 0; i < persons.size(); i++) {
                provisions.record(new NewProvision(home, persons.get(i).code().value(),
                        request.issuingMunicipalityName() + "長", request.issuingCode(), PURPOSE,
                        items(request, shown.get(i)), request.requestId()));
            }
            return response;
        } catch (Refusal refusal) {
            return WideAreaCopyResponse.refused(request, homeName, refusal.getMessage(), now);
        }
    }

    private Resident requester(WideAreaCopyRequest request, String homeName, String purpose) {
        if (request.requesterResidentCode() != null) {
            return resident(request.requesterResidentCode(), request.homeCode(), purpose)
                    .orElseThrow(() -> new Refusal("請求者（住民票コード " + request.requesterResidentCode() + "）は、"
                            + homeName + "の住民基本台帳に住民として記録されていません。住所地を確認してください。"));
        }
        String[] name = request.requesterName().split("[\\s\\u3000]+", 2);
        List<Resident> hits = name.length < 2 ? List.of()
                : register.match(request.homeCode(), name[0], name[1], request.requesterBirthDate(), purpose).stream()
                        .filter(r -> r.status().isResident()).toList();
        if (hits.isEmpty()) {
            throw new Refusal("請求者（" + request.requesterName() + "、生年月日 " + request.requesterBirthDate() + "）は、"
                    + homeName + "の住民基本台帳に住民として記録されていません。氏名・生年月日と住所地を確認してください。");
        }
        if (hits.size() > 1) {
            throw new Refusal("氏名と生年月日が同じ住民が" + homeName + "に複数いるため、請求者を特定できません。"
                    + "請求者の住民票コードで請求してください。");
        }
        return hits.get(0);
    }

    private List<Resident> persons(WideAreaCopyRequest request, Resident requester, String homeName, String purpose) {
        if (request.wholeHousehold()) {
            return inRegisterOrder(register.householdMembers(requester.householdId(), purpose).stream()
                    .filter(r -> r.status().isResident() && request.homeCode().equals(r.municipalityCode()))
                    .toList());
        }
        if (request.residentCodes().isEmpty()) {
            return List.of(requester);
        }
        List<Resident> persons = new ArrayList<>();
        for (String code : request.residentCodes()) {
            Resident person = code.equals(requester.code().value()) ? requester
                    : resident(code, request.homeCode(), purpose).orElseThrow(() -> new Refusal("住民票コード " + code
                            + " の方は、" + homeName + "の住民基本台帳に住民として記録されていません。"));
            if (!requester.householdId().equals(person.householdId())) {
                throw new Refusal("住民票コード " + code + " の方は請求者と同一の世帯に属していないため、交付できません。"
                        + "住民票の写しの広域交付は、本人または同一の世帯に属する方のみ請求できます。");
            }
            persons.add(person);
        }
        return inRegisterOrder(persons);
    }

    /** A resident of the home municipality (住民 or 転出予定 there), read with its audit line. */
    private Optional<Resident> resident(String code, String home, String purpose) {
        return register.find(ResidentCode.of(code), purpose)
                .filter(r -> r.status().isResident() && home.equals(r.municipalityCode())
                        && r.householdId() != null);
    }

    /** 世帯主 first, then by birth date. */
    private static List<Resident> inRegisterOrder(List<Resident> persons) {
        return persons.stream().sorted(Comparator.comparing((Resident r) -> !r.isHeadOfHousehold())
                .thenComparing(Resident::birthDate)).toList();
    }

    private String headName(Household household, List<Resident> persons, String purpose) {
        if (household.headResidentCode() == null) {
            return null;
        }
        return persons.stream().filter(r -> r.code().value().equals(household.headResidentCode())).findFirst()
                .or(() -> register.find(ResidentCode.of(household.headResidentCode()), purpose))
                .map(Resident::name).map(PersonName::full).orElse(null);
    }

    private static List<String> items(WideAreaCopyRequest request, WideAreaCopyResponse.Person shown) {
        List<String> items = new ArrayList<>(List.of("氏名", "フリガナ", "生年月日", "性別", "住所", "世帯主の氏名"));
        if (request.showRelationship()) {
            items.add("続柄");
        }
        if (request.showResidentCode()) {
            items.add("住民票コード");
        }
        if (shown.becameResidentOn() != null) {
            items.add("住民となった年月日");
            items.add("住所を定めた年月日");
        }
        return items;
    }
}
