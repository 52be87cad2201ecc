package jp.jukiflow.jukinet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.jukinet.internal.ExpectedMoveInStore;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The move-ins a destination expects: every 転出証明書情報 received over Juki-net, until the special transfer-in is
 * registered or the transfer-out is cancelled. Marking a move-in with the status it already has does nothing, so a
 * retried job may call it again.
 */
@Service
public class ExpectedMoveIns {

    private final ExpectedMoveInStore store;
    private final Clock clock;

    ExpectedMoveIns(ExpectedMoveInStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The move-ins still expected (status {@code EXPECTED}) at one municipality, by planned move-out date. */
    public List<ExpectedMoveIn> expectedIn(String destinationCode) {
        return store.findByDestination(LocalGovernmentCode.of(destinationCode).value(), ExpectedMoveInStatus.EXPECTED);
    }

    /** The move-ins of one municipality whose transfer-out the origin cancelled (転出取消), by planned move-out date. */
    public List<ExpectedMoveIn> cancelledIn(String destinationCode) {
        return store.findByDestination(LocalGovernmentCode.of(destinationCode).value(), ExpectedMoveInStatus.CANCELLED);
    }

    /** The move-in of a receipt number, whatever its status. */
    public Optional<ExpectedMoveIn> find(String receiptNumber) {
        return store.find(receiptNumber);
    }

    /** The special transfer-in was registered. */
    @Transactional
    public ExpectedMoveIn markRegistered(String receiptNumber) {
        return change(receiptNumber, ExpectedMoveInStatus.REGISTERED);
    }

    /** No move-in is expected any more (転出取消). */
    @Transactional
    public ExpectedMoveIn cancel(String receiptNumber) {
        return change(receiptNumber, ExpectedMoveInStatus.CANCELLED);
    }

    private ExpectedMoveIn change(String receiptNumber, ExpectedMoveInStatus target) {
        ExpectedMoveIn current = require(receiptNumber);
        if (current.status() == target) {
            return current;
        }
        if (current.status() != ExpectedMoveInStatus.EXPECTED
                || store.changeStatus(receiptNumber, ExpectedMoveInStatus.EXPECTED, target, Instant.now(clock)) == 0) {
            ExpectedMoveIn now = require(receiptNumber);
            if (now.status() == target) {
                return now;
            }
            throw new DomainRuleViolation("EXPECTED_MOVE_IN_ALREADY_" + now.status().name(),
                    "受付番号 " + receiptNumber + " の転入予定は「" + now.status().label() + "」のため、「"
                            + target.label() + "」にできません。");
        }
        return require(receiptNumber);
    }

    private ExpectedMoveIn require(String receiptNumber) {
        return store.find(receiptNumber).orElseThrow(() -> new ResourceNotFound("EXPECTED_MOVE_IN_NOT_FOUND",
                "受付番号 " + receiptNumber + " の転出証明書情報は受信していません。"));
    }
}
