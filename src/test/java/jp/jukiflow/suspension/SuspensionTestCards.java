package jp.jukiflow.suspension;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.pin.PinHasher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh cards (numbers {@code SU…}) managed by 奥尻町 for the suspension tests, all held by the last resident of 奥尻町
 * without a real card. The previous test card is abolished first, so that nobody holds two active or suspended cards
 * (DemoDataTest), and the demo cards other tests pick stay untouched.
 */
final class SuspensionTestCards {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String pinHash;

    private SuspensionTestCards() {
    }

    static synchronized String newCard(CardRegistry cards, JdbcClient jdbc, PinHasher hasher, CardType type) {
        if (pinHash == null) {
            pinHash = hasher.hash("2468");
        }
        String resident = jdbc.sql("""
                select r.resident_code from resident r where r.municipality_code = ? and r.status = 'RESIDENT'
                  and not exists (select 1 from card c where c.resident_code = r.resident_code
                    and c.card_number not like 'SU%')
                order by r.resident_code desc""")
                .param(OKUSHIRI).query(String.class).list().get(0);
        retireAll(jdbc);
        String number = "SU" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
        LocalDate issued = type == CardType.JUKI ? LocalDate.of(2015, 4, 1) : LocalDate.of(2024, 4, 1);
        cards.record(new NewCard(type, number, resident, true, issued, issued.plusYears(10), CardStatus.ACTIVE,
                OKUSHIRI, CardPinState.fresh(pinHash), 4), "一時停止テスト用");
        return number;
    }

    /** Abolishes the test cards still active or suspended (their processes may still wait: nothing else uses them). */
    static void retireAll(JdbcClient jdbc) {
        jdbc.sql("update card set status = 'ABOLISHED' where card_number like 'SU%' and status in ('ACTIVE', 'SUSPENDED')")
                .update();
    }

    static String status(JdbcClient jdbc, String cardNumber) {
        return jdbc.sql("select status from card where card_number = ?").param(cardNumber).query(String.class).single();
    }

    static int suspensions(JdbcClient jdbc, String cardNumber) {
        return jdbc.sql("select count(*) from card_suspension where card_number = ?").param(cardNumber)
                .query(Integer.class).single();
    }
}
