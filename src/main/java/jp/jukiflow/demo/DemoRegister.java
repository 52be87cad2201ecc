package jp.jukiflow.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jp.jukiflow.register.Household;
import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.register.ResidentStatus;
import jp.jukiflow.register.Sex;

/**
 * Builds one municipality's demo households: a head, often a spouse, children, sometimes a parent, all with names,
 * readings, birth dates and a shared address. Deterministic for a given seed.
 */
final class DemoRegister {

    static final String PURPOSE = "デモデータの作成";

    private final ResidentRegister register;
    private final RandomGenerator random;
    private final LocalDate today;

    DemoRegister(ResidentRegister register, long seed, LocalDate today) {
        this.register = register;
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    /** Creates households until at least {@code target} residents exist; returns the residents. */
    List<Resident> populate(String municipalityCode, int target) {
        DemoTowns.Town town = DemoTowns.of(municipalityCode);
        List<Resident> residents = new ArrayList<>();
        while (residents.size() < target) {
            Household household = register.createHousehold(municipalityCode, town.postalCode(), town.address(random));
            residents.addAll(random.nextInt(40) == 0 ? foreignHousehold(household) : household(household));
        }
        residents.forEach(r -> register.register(r, PURPOSE));
        return residents;
    }

    private List<Resident> household(Household h) {
        JapaneseNames.Name family = JapaneseNames.pick(JapaneseNames.FAMILY, random);
        Sex headSex = random.nextInt(4) == 0 ? Sex.FEMALE : Sex.MALE;
        JapaneseNames.Name headGiven = givenName(headSex);
        // 本籍 at the household address, with the head as 筆頭者 (a simplification for demo data)
        Family f = new Family(h, family, h.address(), family.kanji() + headGiven.kanji());
        LocalDate headBirth = birthDate(22, 88);
        List<Resident> members = new ArrayList<>();
        members.add(f.member(headGiven, headSex, headBirth, Resident.HEAD_OF_HOUSEHOLD));
        if (random.nextInt(10) < 6) {
            Sex spouseSex = headSex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            LocalDate spouseBirth = clampAdult(headBirth.plusYears(random.nextInt(11) - 5).plusDays(random.nextInt(365)));
            members.add(f.member(givenName(spouseSex), spouseSex, spouseBirth, spouseSex == Sex.FEMALE ? "妻" : "夫"));
            int children = headBirth.isAfter(today.minusYears(60)) ? random.nextInt(4) : 0;
            for (int i = 0; i < children; i++) {
                LocalDate childBirth = headBirth.plusYears(24 + random.nextInt(14)).plusDays(random.nextInt(365));
                if (childBirth.isBefore(today)) {
                    Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                    members.add(f.member(givenName(sex), sex, childBirth, "子"));
                }
            }
        }
        if (random.nextInt(12) == 0 && headBirth.isAfter(today.minusYears(60))) {
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            members.add(f.member(givenName(sex), sex, headBirth.minusYears(25 + random.nextInt(10)), sex == Sex.MALE ? "父" : "母"));
        }
        return members;
    }

    /** The members of one Japanese household share family name, address, 本籍 and 筆頭者. */
    private final class Family {
        private final Household household;
        private final JapaneseNames.Name familyName;
        private final String honseki;
        private final String hittosha;

        Family(Household household, JapaneseNames.Name familyName, String honseki, String hittosha) {
            this.household = household;
            this.familyName = familyName;
            this.honseki = honseki;
            this.hittosha = hittosha;
        }

        Resident member(JapaneseNames.Name given, Sex sex, LocalDate birth, String relationship) {
            ResidentCode code = newCode();
            boolean adult = !birth.isAfter(today.minusYears(18));
            String email = adult && random.nextInt(3) == 0 ? "resident-" + code.value() + "@mail.example" : null;
            return new Resident(code, household.municipalityCode(), household.id(),
                    new PersonName(familyName.kanji(), given.kanji(), familyName.kana(), given.kana()), birth, sex,
                    household.postalCode(), household.address(), relationship, ResidentStatus.RESIDENT,
                    Nationality.JAPANESE, honseki, hittosha, null, email, adult ? phone() : null);
        }
    }

    private JapaneseNames.Name givenName(Sex sex) {
        return JapaneseNames.pick(sex == Sex.MALE ? JapaneseNames.MALE : JapaneseNames.FEMALE, random);
    }

    private List<Resident> foreignHousehold(Household h) {
        JapaneseNames.Name[] names = JapaneseNames.FOREIGN.get(random.nextInt(JapaneseNames.FOREIGN.size()));
        LocalDate stayEnd = today.plusMonths(6 + random.nextInt(30));
        Resident head = new Resident(newCode(), h.municipalityCode(), h.id(),
                new PersonName(names[0].kanji(), names[1].kanji(), names[0].kana(), names[1].kana()),
                birthDate(20, 45), random.nextBoolean() ? Sex.MALE : Sex.FEMALE, h.postalCode(), h.address(),
                Resident.HEAD_OF_HOUSEHOLD, ResidentStatus.RESIDENT, Nationality.FOREIGN, null, null, stayEnd,
                null, phone());
        return List.of(head);
    }

    private ResidentCode newCode() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < ResidentCode.PAYLOAD_LENGTH; i++) {
            digits.append(random.nextInt(10));
        }
        return ResidentCode.withCheckDigit(digits.toString());
    }

    private LocalDate birthDate(int minAge, int maxAge) {
        return today.minusYears(minAge + random.nextInt(maxAge - minAge + 1)).minusDays(random.nextInt(365));
    }

    private LocalDate clampAdult(LocalDate birth) {
        LocalDate latest = today.minusYears(20);
        return birth.isAfter(latest) ? latest : birth;
    }

    private String phone() {
        return String.format("090-%04d-%04d", random.nextInt(10000), random.nextInt(10000));
    }

    RandomGenerator random() {
        return random;
    }
}
