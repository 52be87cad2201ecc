package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.card.internal.CardSpecialMoveOutStore;
import jp.jukiflow.card.internal.CardStore;
import jp.jukiflow.municipality.BusinessCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The card after a special transfer-out (docs/domain.md §1, §3): the origin records that the holder's card waits for the
 * 転入届 at the destination until the special transfer-in's last day (the earlier of the planned move-out + 30 days and
 * the move-in + 14 days, rolled: {@code MoveDeadlines}). The 転入通知 or the transfer-in recording the card closes it
 * (TRANSFERRED_IN), a 転出取消 too (CANCELLED); otherwise the daily job ({@link #lapseOverdue}) lapses the card the day
 * after the last day (失効, {@link CardLapse}) — each record in its own transaction, the card row locked and the
 * record closed with a conditional update, so two runs at once, or on two nodes, lapse each card once.
 */
@Service
public class CardSpecialMoveOuts {

    public static final String LAPSE_REASON = "特例転出の後、特例転入の期限までに転入届がなかったため失効";
    static final String PURPOSE = "特例転出後のカードの管理";

    private final CardSpecialMoveOutStore store;
    private final CardStore cards;
    private final CardLapse lapse;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    CardSpecialMoveOuts(CardSpecialMoveOutStore store, CardStore cards, CardLapse lapse, BusinessCalendar calendar,
                        Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.cards = cards;
        this.lapse = lapse;
        this.calendar = calendar;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The special transfer-out {@code reference} relies on the card: it waits for the 転入届 at {@code destinationCode}
     * until {@code lastDay}. Idempotent per card and transfer-out (a re-sent 転出証明書情報 records nothing more).
     */
    @Transactional
    public void awaitTransferIn(Card card, String destinationCode, LocalDate lastDay, String reference) {
        store.insertIfAbsent(card.number(), card.holderResidentCode(), card.managingMunicipalityCode(), destinationCode,
                lastDay, reference, Instant.now(clock));
    }

    /** The 転入通知 of the transfer-out arrived: the card no longer waits. */
    @Transactional
    public void transferredIn(String cardNumber) {
        store.closeByCard(cardNumber, "TRANSFERRED_IN", Instant.now(clock));
    }

    /** The transfer-out {@code reference} ended without a move (転出取消, or the 転入通知 closed it). */
    @Transactional
    public void closed(String reference, boolean transferredIn) {
        store.closeByReference(reference, transferredIn ? "TRANSFERRED_IN" : "CANCELLED", Instant.now(clock));
    }

    /** PENDING, TRANSFERRED_IN, CANCELLED or LAPSED, oldest first. */
    @Transactional(readOnly = true)
    public List<String> statuses(String cardNumber) {
        return store.statuses(cardNumber);
    }

    /** The daily job: the cards whose special transfer-in deadline passed without a 転入届 lapse; how many records closed. */
    public int lapseOverdue() {
        int closed = 0;
        for (CardSpecialMoveOutStore.Overdue overdue : store.overdue(calendar.today())) {
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> lapse(overdue)))) {
                closed++;
            }
        }
        return closed;
    }

    private boolean lapse(CardSpecialMoveOutStore.Overdue overdue) {
        Optional<Card> card = cards.findByNumberForUpdate(overdue.cardNumber());
        if (!store.close(overdue.id(), "LAPSED", Instant.now(clock))) {
            return false;
        }
        card.ifPresent(c -> lapse.lapse(c, LAPSE_REASON, "特例転出（受付番号 " + overdue.reference() + "）、転出先 "
                + overdue.destinationCode() + "、特例転入の期限 " + overdue.lastDay(), PURPOSE));
        return true;
    }
}
