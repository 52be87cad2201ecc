package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.MoveDeadlines;
import jp.jukiflow.municipality.TransferInFiling;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts the route decision ({@code transfer-in-route}) needs besides the PIN, as of the day the 転入届
 * was received ({@code transferInFiledOn}, however much later the check runs): the card's state, the
 * deadline (earlier of planned move-out + 30 and move-in + 14 days, rolled), whether the transfer-out was filed late,
 * and whether the origin's 転出証明書情報 is here: RECEIVED, else REQUESTED (asked for, still waiting), MISSING (not yet
 * asked for) or UNIDENTIFIED (it cannot be asked for: the origin, or both the receipt number and the 住民票コード, are
 * unknown). A missing origin code is read from the receipt number (its first six digits name the origin). A card
 * this deployment does not hold is looked up in the certificate ({@link PresentedCardImport}).
 */
@Component("checkTransferIn")
class CheckTransferIn implements JavaDelegate {

    private final PresentedCardImport cards;
    private final CertificateLookup certificates;
    private final BusinessCalendar calendar;
    private final MunicipalityDirectory directory;

    CheckTransferIn(PresentedCardImport cards, CertificateLookup certificates, BusinessCalendar calendar,
                    MunicipalityDirectory directory) {
        this.cards = cards;
        this.certificates = certificates;
        this.calendar = calendar;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // judged on the day the 転入届 was received (fixed at the start), not on the day this check runs
        TransferInFiling filing = TransferInStart.filing(execution, calendar);
        LocalDate judgedOn = filing.filedOn();
        LocalDate movedIn = filing.movedIn();
        Optional<ExpectedMoveIn> expected = certificates.find(execution)
                .filter(m -> m.status() == ExpectedMoveInStatus.EXPECTED);
        MoveOutCertificateInfo info = expected.map(ExpectedMoveIn::certificate).orElse(null);
        LocalDate lastDay = info == null
                ? filing.lastDay(calendar)
                : new MoveDeadlines(calendar).specialTransferIn(info.plannedMoveOutDate(), movedIn).lastDay();
        boolean filedLate = expected.map(m -> transferOutFiledLate(m, movedIn)).orElse(false);
        String state = cardState((String) execution.getVariable(CARD_NUMBER), info, judgedOn, execution.getTenantId());
        execution.setVariable(CARD_STATE, state);
        execution.setVariable(CARD_STATE_LABEL, CardCheckLabels.cardState(state));
        execution.setVariable(WITHIN_DEADLINE, !judgedOn.isAfter(lastDay));
        execution.setVariable(FILED_LATE, filedLate);
        boolean requestable = info == null && canBeRequested(execution);
        execution.setVariable(CERTIFICATE_INFO, info != null ? "RECEIVED" : !requestable ? "UNIDENTIFIED"
                : Boolean.TRUE.equals(execution.getVariable(CERTIFICATE_REQUESTED)) ? "REQUESTED" : "MISSING");
        execution.setVariable(LAST_DAY_FOR_TRANSFER_IN, lastDay.toString());
        String origin = info != null ? info.originCode() : requestable ? TransferInStart.text(execution, ORIGIN_CODE)
                : null;
        if (origin != null) {
            execution.setVariable(ORIGIN_NAME, directory.find(LocalGovernmentCode.of(origin)).map(Municipality::name)
                    .orElse("団体コード " + origin));
        }
        if (info != null) {
            String filer = TransferInStart.text(execution, RESIDENT_CODE);
            execution.setVariable(FILER_NAME, info.movers().stream()
                    .filter(m -> m.residentCode().equals(filer == null ? info.cardHolderResidentCode() : filer))
                    .findFirst().orElse(info.movers().get(0)).name());
            execution.setVariable(CONTINUATION_DEADLINE, new MoveDeadlines(calendar).cardContinuation(judgedOn)
                    .lastDay().toString());
            execution.setVariable(ORIGIN_RECEIPT_NUMBER, info.receiptNumber());
            execution.setVariable(ORIGIN_CODE, info.originCode());
            execution.setVariable(MOVERS_SUMMARY, info.movers().stream()
                    .map(m -> m.name() + "（" + m.relationship() + "、住民票コード " + m.residentCode() + "）")
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * Whether the 転出届 came more than 14 days after the move: by the day it arrived at the origin, which the origin
     * puts into the 転出証明書情報, the move being the certificate's move date, else the move-in date given here. A
     * certificate of an older sender without that day is judged as before: by its move date and the day it reached
     * this municipality.
     */
    private boolean transferOutFiledLate(ExpectedMoveIn expected, LocalDate movedIn) {
        LocalDate arrivedAtOrigin = expected.certificate().transferOutFiledOn();
        if (arrivedAtOrigin == null) {
            return TransferInFiling.transferOutFiledLate(calendar, expected.movedOn(),
                    expected.receivedAt().atZone(BusinessCalendar.ZONE).toLocalDate());
        }
        return TransferInFiling.transferOutFiledLate(calendar,
                expected.movedOn() != null ? expected.movedOn() : movedIn, arrivedAtOrigin);
    }

    /**
     * Whether the origin can be asked: its code is known (typed, or the first six digits of the receipt number), valid
     * and not this municipality, and the receipt number or the 住民票コード says whose certificate. Keeps the code read
     * from the receipt number.
     */
    private boolean canBeRequested(DelegateExecution execution) {
        String receipt = TransferInStart.text(execution, ORIGIN_RECEIPT_NUMBER);
        String origin = TransferInStart.text(execution, ORIGIN_CODE);
        if (origin == null && receipt != null && receipt.matches("\\d{6}-.+")) {
            origin = receipt.substring(0, LocalGovernmentCode.LENGTH);
        }
        if (origin == null || (receipt == null && TransferInStart.text(execution, RESIDENT_CODE) == null)) {
            return false;
        }
        try {
            origin = LocalGovernmentCode.of(origin).value();
        } catch (DomainRuleViolation e) {
            return false;
        }
        if (origin.equals(execution.getTenantId())) {
            return false;
        }
        execution.setVariable(ORIGIN_CODE, origin);
        return true;
    }

    private String cardState(String cardNumber, MoveOutCertificateInfo info, LocalDate today, String counter) {
        Optional<Card> found = cards.cardHere(cardNumber, info, counter);
        if (found.isEmpty()) {
            return "NOT_PRESENTED";
        }
        Card c = found.get();
        LocalDate birthDate = info == null ? null : info.movers().stream()
                .filter(m -> m.residentCode().equals(c.holderResidentCode())).findFirst()
                .map(MoveOutCertificateInfo.Mover::birthDate).orElse(null);
        return CardUsability.check(c, PinPurpose.SPECIAL_TRANSFER_IN, today, birthDate).state();
    }
}
