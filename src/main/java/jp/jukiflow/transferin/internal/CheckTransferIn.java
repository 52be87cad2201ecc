package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardFacts;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardValidity;
import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.MoveDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts the route decision ({@code transfer-in-route}) needs besides the PIN: the card's state, the
 * deadline (earlier of planned move-out + 30 and move-in + 14 days, rolled), whether the transfer-out was filed late,
 * and whether the origin's 転出証明書情報 is here.
 */
@Component("checkTransferIn")
class CheckTransferIn implements JavaDelegate {

    private final CardRegistry cards;
    private final CertificateLookup certificates;
    private final BusinessCalendar calendar;
    private final CardValidity validity = new CardValidity();

    CheckTransferIn(CardRegistry cards, CertificateLookup certificates, BusinessCalendar calendar) {
        this.cards = cards;
        this.certificates = certificates;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = calendar.today();
        LocalDate movedIn = LocalDate.parse((String) execution.getVariable(MOVED_IN_DATE));
        Optional<ExpectedMoveIn> expected = certificates.find(execution)
                .filter(m -> m.status() == ExpectedMoveInStatus.EXPECTED);
        MoveOutCertificateInfo info = expected.map(ExpectedMoveIn::certificate).orElse(null);
        LocalDate lastDay = info == null
                ? calendar.deadline(movedIn, MoveDeadlines.DAYS_AFTER_MOVE_IN)
                : new MoveDeadlines(calendar).specialTransferIn(info.plannedMoveOutDate(), movedIn).lastDay();
        boolean filedLate = expected.map(m -> m.movedOn() != null && m.receivedAt().atZone(BusinessCalendar.ZONE)
                .toLocalDate().isAfter(calendar.deadline(m.movedOn(), MoveDeadlines.DAYS_AFTER_MOVE_IN))).orElse(false);
        execution.setVariable(CARD_STATE, cardState((String) execution.getVariable(CARD_NUMBER), info, today));
        execution.setVariable(WITHIN_DEADLINE, !today.isAfter(lastDay));
        execution.setVariable(FILED_LATE, filedLate);
        execution.setVariable(CERTIFICATE_INFO, info == null ? "MISSING" : "RECEIVED");
        execution.setVariable(LAST_DAY_FOR_TRANSFER_IN, lastDay.toString());
        if (info != null) {
            execution.setVariable(ORIGIN_RECEIPT_NUMBER, info.receiptNumber());
            execution.setVariable(ORIGIN_CODE, info.originCode());
            execution.setVariable(MOVERS_SUMMARY, info.movers().stream()
                    .map(m -> m.name() + "（" + m.relationship() + "、住民票コード " + m.residentCode() + "）")
                    .collect(Collectors.joining("\n")));
        }
    }

    private String cardState(String cardNumber, MoveOutCertificateInfo info, LocalDate today) {
        Optional<Card> found = cardNumber == null ? Optional.empty() : cards.find(cardNumber.strip());
        if (found.isEmpty()) {
            return "NOT_PRESENTED";
        }
        Card c = found.get();
        switch (c.status()) {
            case SUSPENDED:
                return "SUSPENDED";
            case ABOLISHED, LAPSED, RETURNED:
                return "ABOLISHED";
            default:
                break;
        }
        LocalDate birthDate = info == null ? null : info.movers().stream()
                .filter(m -> m.residentCode().equals(c.holderResidentCode())).findFirst()
                .map(MoveOutCertificateInfo.Mover::birthDate).orElse(null);
        boolean valid = switch (c.type()) {
            case JUKI -> validity.validity(CardFacts.juki(c.issuedOn()).withStatus(c.status()), today).valid();
            case MY_NUMBER -> birthDate == null ? c.status() == jp.jukiflow.card.CardStatus.ACTIVE
                    && !today.isAfter(c.validUntil())
                    : validity.validity(CardFacts.myNumber(c.issuedOn(), birthDate).withStatus(c.status()), today).valid();
        };
        return valid ? "VALID" : "EXPIRED";
    }
}
