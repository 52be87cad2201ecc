package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardSpecialMoveOuts;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The register side of a transfer-out: the movers become 転出予定, then 除票 on the 転入通知, or residents again on
 * a 転出取消. On the 転出確定 the signature certificate (署名用) of each mover's cards lapses (docs/domain.md §3). Bound in BPMN as {@code ${moveOutRecorder.planned(execution)}} and so on. On the 転入通知 the card the
 * certificate carried is noted as handed over to the destination (「カード情報を転出先へ引継ぎ」). A transfer-out filed before a
 * card was continued marks it to lapse ({@code CardContinuations#movedAgain}); the 転入通知 or the 転出取消 ends the
 * card's wait for the special transfer-in ({@code CardSpecialMoveOuts}).
 */
@Component("moveOutRecorder")
public class MoveOutRecorder {

    private final ResidentRegister register;
    private final CaseContext context;
    private final CardRegistry cards;
    private final PresentedCards presentedCards;
    private final CardCertificates certificates;
    private final CardContinuations continuations;
    private final CardSpecialMoveOuts specialMoveOuts;

    MoveOutRecorder(ResidentRegister register, CaseContext context, CardRegistry cards, PresentedCards presentedCards,
                    CardCertificates certificates, CardContinuations continuations, CardSpecialMoveOuts specialMoveOuts) {
        this.continuations = continuations;
        this.specialMoveOuts = specialMoveOuts;
        this.certificates = certificates;
        this.register = register;
        this.context = context;
        this.cards = cards;
        this.presentedCards = presentedCards;
    }

    public void planned(DelegateExecution execution) {
        TransferOutRequest request = context.request(execution);
        String destination = request.destinationCode() == null ? null : request.destinationCode().value();
        for (ResidentCode code : movers(execution)) {
            register.recordPlannedMoveOut(code, request.plannedMoveOutDate(), destination, request.newAddress(),
                    context.receiptNumber(execution), TransferOutCheck.PURPOSE);
            // moving again before the card was continued: the card lapses (docs/domain.md §3, the daily job)
            continuations.movedAgain(code.value(), context.receiptNumber(execution));
        }
    }

    public void confirmed(DelegateExecution execution) {
        LocalDate movedOn = LocalDate.parse((String) execution.getVariable(MOVED_ON));
        for (ResidentCode code : movers(execution)) {
            register.confirmMoveOut(code, execution.getTenantId(), movedOn, context.receiptNumber(execution),
                    "転入通知による転出の確定");
            cards.cardsOf(code.value()).forEach(card -> certificates.lapseSignature(card.id()));
        }
        specialMoveOuts.closed(context.receiptNumber(execution), true);
        TransferOutRequest request = context.request(execution);
        if (request.destinationCode() != null) {
            SendMoveOutCertificateInfo.holderCard(cards, (String) execution.getVariable(CARD_HOLDER_RESIDENT_CODE),
                    request.cardType()).ifPresent(card -> presentedCards.handedOver(card.number(),
                    request.destinationCode().value(), context.receiptNumber(execution)));
        }
    }

    public void cancelled(DelegateExecution execution) {
        for (ResidentCode code : movers(execution)) {
            register.cancelMoveOut(code, context.receiptNumber(execution), "転出取消");
        }
        specialMoveOuts.closed(context.receiptNumber(execution), false);
        continuations.moveAgainCancelled(context.receiptNumber(execution));
    }

    static List<ResidentCode> movers(DelegateExecution execution) {
        String codes = (String) execution.getVariable(MATCHED_RESIDENT_CODES);
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).map(ResidentCode::of).toList();
    }
}
