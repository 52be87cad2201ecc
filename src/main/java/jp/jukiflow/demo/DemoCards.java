package jp.jukiflow.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import jp.jukiflow.card.CardFacts;
import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.CardValidity;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinVerifier;
import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.Resident;

/**
 * Gives demo residents cards: JUKI cards issued 2006–2015 (all expired today), valid My Number Cards, and a few
 * locked or suspended ones. A person never holds two active cards.
 */
final class DemoCards {

    /** The PIN of every demo card (demo data only; real PINs are chosen by the resident). */
    static final String DEMO_PIN = "2468";
    static final String REASON = "デモデータの作成";
    private final CardRegistry cards;
    private final CardValidity validity = new CardValidity();
    private final RandomGenerator random;
    private final LocalDate today;
    private final List<String> pinHashes;
    private final Set<String> numbers = new HashSet<>();

    /**
     * @param pinHashes distinct salted hashes of {@link #DEMO_PIN}, shared among the demo cards: hashing is slow on
     *                  purpose, and one hash per card would make the zero-setup start take minutes
     */
    DemoCards(CardRegistry cards, List<String> pinHashes, RandomGenerator random, LocalDate today) {
        this.cards = cards;
        this.pinHashes = List.copyOf(pinHashes);
        this.random = random;
        this.today = today;
    }

    /** A few salted hashes of the demo PIN, computed in parallel. */
    static List<String> demoPinHashes(PinHasher hasher, int count) {
        return java.util.stream.IntStream.range(0, count).parallel().mapToObj(i -> hasher.hash(DEMO_PIN)).toList();
    }

    void issue(List<Resident> residents) {
        for (Resident r : residents) {
            int dice = random.nextInt(100);
            if (dice < 12 && r.birthDate().isBefore(LocalDate.of(1995, 1, 1)) && r.nationality() == Nationality.JAPANESE) {
                juki(r);
            } else if (dice < 65) {
                myNumber(r);
            }
        }
    }

    private void juki(Resident r) {
        LocalDate issued = LocalDate.of(2006, 1, 1).plusDays(random.nextInt(3650));
        CardFacts facts = CardFacts.juki(issued);
        record(r, CardType.JUKI, issued, validity.validUntil(facts), CardStatus.EXPIRED, pin(false), 4);
    }

    private void myNumber(Resident r) {
        LocalDate earliest = r.birthDate().isAfter(LocalDate.of(2016, 1, 1)) ? r.birthDate().plusMonths(3) : LocalDate.of(2016, 1, 15);
        LocalDate issued = earliest;
        LocalDate validUntil;
        // issue (or re-issue) until the card is valid today, as a resident would have renewed it
        do {
            long span = Math.max(1, today.toEpochDay() - issued.toEpochDay() - 30);
            issued = issued.plusDays(random.nextLong(span));
            CardFacts facts = CardFacts.myNumber(issued, r.birthDate());
            if (r.stayExpiresOn() != null) {
                facts = facts.withPeriodOfStayEnd(r.stayExpiresOn());
            }
            validUntil = validity.validUntil(facts);
        } while (!validUntil.isAfter(today));
        int dice = random.nextInt(100);
        CardStatus status = dice < 4 ? CardStatus.SUSPENDED : CardStatus.ACTIVE;
        record(r, CardType.MY_NUMBER, issued, validUntil, status, pin(dice >= 4 && dice < 8), 19);
    }

    private CardPinState pin(boolean locked) {
        String hash = pinHashes.get(random.nextInt(pinHashes.size()));
        return locked ? new CardPinState(hash, PinVerifier.MAX_CONSECUTIVE_FAILURES, true) : new CardPinState(hash, 0, false);
    }

    private void record(Resident r, CardType type, LocalDate issued, LocalDate validUntil, CardStatus status,
                        CardPinState pin, int maxLines) {
        cards.record(new NewCard(type, newNumber(type), r.code().value(), random.nextInt(3) > 0, issued, validUntil,
                status, r.municipalityCode(), pin, 1 + random.nextInt(maxLines)), REASON);
    }

    private String newNumber(CardType type) {
        String number;
        do {
            StringBuilder digits = new StringBuilder(type == CardType.JUKI ? "J" : "M");
            for (int i = 0; i < 15; i++) {
                digits.append(random.nextInt(10));
            }
            number = digits.toString();
        } while (!numbers.add(number));
        return number;
    }
}
