package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import jp.jukiflow.pin.PinHasher;

/** Fresh cards with a known PIN for PIN tests (each test its own card, so the shared context's cards stay as they are). */
public final class PinTestCards {

    public static final String PIN = "2468";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String pinHash;

    private PinTestCards() {
    }

    /** A valid My Number Card of a resident of {@code municipality}, managed there, PIN {@link #PIN}. */
    public static String newCard(CardRegistry cards, JdbcClient jdbc, PinHasher hasher, String municipality) {
        synchronized (PinTestCards.class) {
            if (pinHash == null) {
                pinHash = hasher.hash(PIN);
            }
        }
        // one resident without a real card holds the test cards; the previous test card is abolished first, so that
        // nobody holds two active cards (DemoDataTest)
        String resident = jdbc.sql("""
                select r.resident_code from resident r where r.municipality_code = ? and not exists
                  (select 1 from card c where c.resident_code = r.resident_code and c.card_number not like 'PT%')
                order by r.resident_code""")
                .param(municipality).query(String.class).list().get(0);
        jdbc.sql("update card set status = 'ABOLISHED' where resident_code = ? and status in ('ACTIVE', 'SUSPENDED')")
                .param(resident).update();
        String number = "PT" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
        cards.record(new NewCard(CardType.MY_NUMBER, number, resident, true, LocalDate.of(2024, 4, 1),
                LocalDate.of(2034, 4, 1), CardStatus.ACTIVE, municipality, CardPinState.fresh(pinHash), 4),
                "暗証番号テスト用");
        return number;
    }

    /** Abolishes every test card, so that tests looking for residents with an active card never meet one. */
    public static void retireAll(JdbcClient jdbc) {
        jdbc.sql("update card set status = 'ABOLISHED' where card_number like 'PT%' and status in ('ACTIVE', 'SUSPENDED')")
                .update();
    }

    /** Acts as a clerk of {@code municipality} on this thread. */
    public static void actAsClerk(String user, String municipality) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("GROUP_" + municipality + "-clerks"),
                        new SimpleGrantedAuthority("TENANT_" + municipality))));
    }
}
