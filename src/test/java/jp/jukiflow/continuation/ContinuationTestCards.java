package jp.jukiflow.continuation;

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
 * Fresh My Number Cards (numbers {@code CT…}, PIN {@link #PIN}) managed by 奥尻町, each held by a resident of 函館市 who
 * holds no other active card, as after a special transfer-in from 奥尻町 to 函館市. The demo cards other tests pick
 * stay untouched.
 */
final class ContinuationTestCards {

    static final String PIN = "2468";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String pinHash;

    private ContinuationTestCards() {
    }

    static String newCard(CardRegistry cards, JdbcClient jdbc, PinHasher hasher, int freeLines) {
        synchronized (ContinuationTestCards.class) {
            if (pinHash == null) {
                pinHash = hasher.hash(PIN);
            }
            String resident = jdbc.sql("""
                    select r.resident_code from resident r where r.municipality_code = ? and r.status = 'RESIDENT'
                      and not exists (select 1 from card c where c.resident_code = r.resident_code
                        and (c.card_number not like 'CT%' or c.status in ('ACTIVE', 'SUSPENDED')))
                    order by r.resident_code""")
                    .param(HAKODATE).query(String.class).list().get(0);
            String number = "CT" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
            cards.record(new NewCard(CardType.MY_NUMBER, number, resident, true, LocalDate.of(2024, 4, 1),
                    LocalDate.of(2034, 4, 1), CardStatus.ACTIVE, OKUSHIRI, CardPinState.fresh(pinHash), freeLines),
                    "継続利用テスト用");
            return number;
        }
    }

    /** Abolishes the test cards still active, so that their holders serve the next test. */
    static void retireAll(JdbcClient jdbc) {
        jdbc.sql("update card set status = 'ABOLISHED' where card_number like 'CT%' and status in ('ACTIVE', 'SUSPENDED')")
                .update();
    }
}
