package jp.jukiflow.support;

import java.time.LocalDate;
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
import jp.jukiflow.transferout.TransferOutForm;
import org.springframework.context.ApplicationContext;

/**
 * Fresh residents who are about to move, each alone in a household, with a valid My Number Card (PIN {@link #PIN}),
 * made through the register and card APIs of one application context: for tests and benchmarks that need many
 * distinct movers, or a deployment without demo data. Thread-safe. Works outside a web request (the system scope).
 */
public final class MovingResidents {

    public static final String PIN = "2468";
    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤"};
    private static final String[] FAMILY_KANA = {"サトウ", "スズキ", "タカハシ", "タナカ", "イトウ"};
    private static final String[] GIVEN = {"一郎", "花子", "健太", "美咲", "翔"};
    private static final String[] GIVEN_KANA = {"イチロウ", "ハナコ", "ケンタ", "ミサキ", "ショウ"};
    private static final AtomicLong SEQUENCE = new AtomicLong(
            ThreadLocalRandom.current().nextLong(1_000_000L) * 1_000L);

    /** A mover: their 住民票コード, name, reading, birth date, sex, current address and card number. */
    public record Mover(String residentCode, String familyName, String givenName, String familyNameKana,
                        String givenNameKana, LocalDate birthDate, Sex sex, String address, String cardNumber) {

        public String name() {
            return familyName + " " + givenName;
        }

        public String kana() {
            return familyNameKana + " " + givenNameKana;
        }

        /**
         * The transfer-out form a mover alone files: planned move-out {@code plannedDate}, to {@code newAddress} in
         * {@code destinationCode}, card held, continued use wanted.
         */
        public TransferOutForm transferOutForm(String plannedDate, String destinationCode, String newAddress) {
            return new TransferOutForm(plannedDate, null, new TransferOutForm.Filer(name(), kana(), birthDate.toString(),
                    "本人"), address, name(), new TransferOutForm.NewAddress(destinationCode, newAddress), name(),
                    List.of(new TransferOutForm.Mover(name(), kana(), birthDate.toString(), sex.label(), "世帯主")),
                    "0", "MY_NUMBER", "true", "01397-2-3111", "resident-" + residentCode + "@test.example");
        }
    }

    private final ResidentRegister register;
    private final CardRegistry cards;
    private final String pinHash;

    private MovingResidents(ResidentRegister register, CardRegistry cards, String pinHash) {
        this.register = register;
        this.cards = cards;
        this.pinHash = pinHash;
    }

    /** For the application {@code context} (hashes the PIN once: the hash is slow on purpose). */
    public static MovingResidents in(ApplicationContext context) {
        return new MovingResidents(context.getBean(ResidentRegister.class), context.getBean(CardRegistry.class),
                context.getBean(PinHasher.class).hash(PIN));
    }

    /** A new adult resident of {@code municipality} at {@code address}, head of a household of one, with a card. */
    public Mover create(String municipality, String postalCode, String address) {
        long n = SEQUENCE.incrementAndGet();
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit(String.format("8%09d", n % 1_000_000_000L));
            n = SEQUENCE.incrementAndGet();
        } while (register.find(code, "テスト用の住民の作成").isPresent());
        int i = (int) (n % FAMILY.length);
        LocalDate birthDate = LocalDate.of(1960 + (int) (n % 40), 1 + (int) (n % 12), 1 + (int) (n % 28));
        Sex sex = i % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        Household household = register.createHousehold(municipality, postalCode, address);
        register.register(new Resident(code, municipality, household.id(),
                new PersonName(FAMILY[i], GIVEN[i], FAMILY_KANA[i], GIVEN_KANA[i]), birthDate, sex, postalCode, address,
                Resident.HEAD_OF_HOUSEHOLD, ResidentStatus.RESIDENT, Nationality.JAPANESE, "北海道奥尻郡奥尻町奥尻1番地",
                FAMILY[i] + " " + GIVEN[i], null, null, null), "テスト用の住民の作成");
        String cardNumber = "MV" + String.format("%014d", n);
        // issued 2024-04-01 to an adult: valid to the 10th birthday after issue
        LocalDate issued = LocalDate.of(2024, 4, 1);
        LocalDate firstBirthday = birthDate.withYear(issued.getYear());
        LocalDate validUntil = (firstBirthday.isAfter(issued) ? firstBirthday : firstBirthday.plusYears(1)).plusYears(9);
        cards.record(new NewCard(CardType.MY_NUMBER, cardNumber, code.value(), true, issued, validUntil,
                CardStatus.ACTIVE, municipality, CardPinState.fresh(pinHash), 4), "テスト用の住民の作成");
        return new Mover(code.value(), FAMILY[i], GIVEN[i], FAMILY_KANA[i], GIVEN_KANA[i], birthDate, sex, address,
                cardNumber);
    }
}
