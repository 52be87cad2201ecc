package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardSpecialMoveOuts;
import jp.jukiflow.card.CardType;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the 転出証明書情報 to the destination over Juki-net (法24条の2③), correlated by the receipt number. Runs after
 * an async boundary with retries: an unreachable destination ends as an incident, never as a lost case. The
 * certificate carries what the card holder's card presents at the destination's counter
 * ({@link MoveOutCertificateInfo.PresentedCard}, PIN hash included, for the reason given there) and the day the
 * 転出届 arrived here, by which the destination judges whether it came more than 14 days after the move.
 */
@Component("sendMoveOutCertificateInfo")
class SendMoveOutCertificateInfo implements JavaDelegate {

    private final JukinetGateway jukinet;
    private final CaseContext context;
    private final CardRegistry cards;
    private final CertificateProvisions provisions;
    private final CardSpecialMoveOuts specialMoveOuts;

    SendMoveOutCertificateInfo(JukinetGateway jukinet, CaseContext context, CardRegistry cards,
                               CertificateProvisions provisions, CardSpecialMoveOuts specialMoveOuts) {
        this.specialMoveOuts = specialMoveOuts;
        this.jukinet = jukinet;
        this.context = context;
        this.cards = cards;
        this.provisions = provisions;
    }

    /** The holder's card of the declared type the transfer-out relies on: the latest issued (as the check picks it). */
    static Optional<Card> holderCard(CardRegistry cards, String holderResidentCode, CardType type) {
        if (holderResidentCode == null || type == null) {
            return Optional.empty();
        }
        return cards.cardsOf(holderResidentCode).stream().filter(c -> c.type() == type)
                .max(Comparator.comparing(Card::issuedOn));
    }

    static MoveOutCertificateInfo.PresentedCard presented(Card c) {
        return new MoveOutCertificateInfo.PresentedCard(c.number(), c.type().name(), c.photo(), c.issuedOn(),
                c.validUntil(), c.status().name(), c.managingMunicipalityCode(), c.freeEndorsementLines(),
                c.pin().pinHash(), c.pin().consecutiveFailures(), c.pin().locked());
    }

    @Override
    public void execute(DelegateExecution execution) {
        TransferOutRequest request = context.request(execution);
        String[] codes = ((String) execution.getVariable(MATCHED_RESIDENT_CODES)).split(",");
        List<MoveOutCertificateInfo.Mover> movers = new ArrayList<>();
        for (int i = 0; i < request.movers().size() && i < codes.length; i++) {
            TransferOutRequest.Mover m = request.movers().get(i);
            movers.add(new MoveOutCertificateInfo.Mover(codes[i], m.name(), m.nameKana(), m.birthDate(), m.sex().name(),
                    m.relationship()));
        }
        String receiptNumber = context.receiptNumber(execution);
        String holder = (String) execution.getVariable(CARD_HOLDER_RESIDENT_CODE);
        Optional<Card> holderCard = holderCard(cards, holder, request.cardType());
        MoveOutCertificateInfo.PresentedCard card = holderCard.map(SendMoveOutCertificateInfo::presented).orElse(null);
        LocalDate lastDay = LocalDate.parse((String) execution.getVariable(LAST_DAY_FOR_TRANSFER_IN));
        // the card lapses if no 転入届 comes by the special transfer-in's last day (docs/domain.md §3)
        holderCard.ifPresent(c -> specialMoveOuts.awaitTransferIn(c, request.destinationCode().value(), lastDay,
                receiptNumber));
        MoveOutCertificateInfo info = new MoveOutCertificateInfo(receiptNumber, execution.getTenantId(),
                request.destinationCode().value(), request.plannedMoveOutDate(), request.movedOn(), request.newAddress(),
                request.newHeadOfHousehold(), movers, holder, request.cardType().name(), request.continuedUse(),
                lastDay, card, LocalDate.parse((String) execution.getVariable(ARRIVED_ON)));
        Envelope sent = jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, execution.getTenantId(),
                info.destinationCode(), receiptNumber, info);
        provisions.recordSent(info, sent, "Task_ResendCertificateInfo".equals(execution.getCurrentActivityId()));
    }
}
