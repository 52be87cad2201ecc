package jp.jukiflow.widearea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.register.Household;
import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.register.ResidentStatus;
import jp.jukiflow.register.Sex;
import org.springframework.context.ApplicationContext;

/**
 * Fresh households of 1 to 5 residents for the wide-area copy, made through the register and card APIs of one
 * application context (the shared test context or a {@link jp.jukiflow.support.TownDeployment}): a head (世帯主) with a
 * valid My Number Card (PIN {@link #PIN}), then 妻, 子 …, every one with a 本籍 and 筆頭者 of their own that appear
 * nowhere else (so a test can prove they never reach a copy). Thread-safe; works outside a web request.
 */
public final class CopyHouseholds {

    public static final String PIN = "2468";
    private static final String[] GIVEN = {"広一", "和子", "健二", "美緒", "翔太"};
    private static final String[] GIVEN_KANA = {"ヒロカズ", "カズコ", "ケンジ", "ミオ", "ショウタ"};
    private static final String[] RELATIONSHIP = {Resident.HEAD_OF_HOUSEHOLD, "妻", "子", "子", "子"};
    private static final int[] BIRTH_YEAR = {1968, 1971, 1998, 2001, 2010};
    private static final String[] FAMILY = {"江差", "厚沢部", "乙部", "熊石", "瀬棚"};
    private static final String[] FAMILY_KANA = {"エサシ", "アッサブ", "オトベ", "クマイシ", "セタナ"};
    private static final AtomicLong SEQUENCE = new AtomicLong(
            ThreadLocalRandom.current().nextLong(1_000_000L) * 1_000L);

    /** One person of a household as the tests need them. */
    public record Member(String residentCode, String familyName, String givenName, String familyNameKana,
                         String givenNameKana, LocalDate birthDate, Sex sex, String relationship, String honseki,
                         String hittosha) {

        /** 氏名 as the register prints it (full-width space). */
        public String name() {
            return familyName + "　" + givenName;
        }

        /** 氏名 without the space, as PDF text extraction gives it. */
        public String nameWithoutSpace() {
            return familyName + givenName;
        }
    }

    /** A household: its address, its members (head first) and the head's card. */
    public record Family(long householdId, String municipality, String address, List<Member> members,
                         String cardNumber) {

        public Member head() {
            return members.get(0);
        }
    }

    private final ResidentRegister register;
    private final CardRegistry cards;
    private final String pinHash;

    private CopyHouseholds(ResidentRegister register, CardRegistry cards, String pinHash) {
        this.register = register;
        this.cards = cards;
        this.pinHash = pinHash;
    }

    public static CopyHouseholds in(ApplicationContext context) {
        return new CopyHouseholds(context.getBean(ResidentRegister.class), context.getBean(CardRegistry.class),
                context.getBean(PinHasher.class).hash(PIN));
    }

    /** A household of {@code size} residents (1–5) of {@code municipality}, the head with a card. */
    public Family create(String municipality, int size) {
        if (size < 1 || size > 5) {
            throw new IllegalArgumentException("1 to 5 persons");
        }
        long n = SEQUENCE.incrementAndGet();
        String family = FAMILY[(int) (n % FAMILY.length)];
        String familyKana = FAMILY_KANA[(int) (n % FAMILY.length)];
        String address = "北海道奥尻郡奥尻町字青苗" + (100 + n % 800) + "番地";
        Household household = register.createHousehold(municipality, "043-1521", address);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ResidentCode code = freshCode();
            LocalDate birth = LocalDate.of(BIRTH_YEAR[i], 1 + (int) ((n + i) % 12), 1 + (int) ((n + i) % 28));
            Sex sex = i % 2 == 0 ? Sex.MALE : Sex.FEMALE;
            // 本籍 and 筆頭者 that the copy never shows: a place and a name used nowhere else
            String honseki = "北海道檜山郡上ノ国町字本籍" + (n % 900 + 10) + "番地の" + (i + 1);
            String hittosha = "本籍筆頭" + (char) ('甲' + i) + n % 1000;
            register.register(new Resident(code, municipality, household.id(),
                    new PersonName(family, GIVEN[i], familyKana, GIVEN_KANA[i]), birth, sex, "043-1521", address,
                    RELATIONSHIP[i], ResidentStatus.RESIDENT, Nationality.JAPANESE, honseki, hittosha, null, null,
                    null), "テスト用の住民の作成");
            members.add(new Member(code.value(), family, GIVEN[i], familyKana, GIVEN_KANA[i], birth, sex,
                    RELATIONSHIP[i], honseki, hittosha));
        }
        String cardNumber = "WA" + String.format("%014d", n);
        LocalDate issued = LocalDate.of(2024, 4, 1);
        cards.record(new NewCard(CardType.MY_NUMBER, cardNumber, members.get(0).residentCode(), true, issued,
                LocalDate.of(2034, 1, 31), CardStatus.ACTIVE, municipality, CardPinState.fresh(pinHash), 4),
                "テスト用の住民の作成");
        return new Family(household.id(), municipality, address, List.copyOf(members), cardNumber);
    }

    /** A 住民票コード nobody in this register has. */
    public ResidentCode freshCode() {
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit(String.format("7%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L));
        } while (register.find(code, "テスト用の住民の作成").isPresent());
        return code;
    }
}
