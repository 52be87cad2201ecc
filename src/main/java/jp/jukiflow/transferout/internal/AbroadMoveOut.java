package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;

import jp.jukiflow.card.AbroadMoves;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.RemovalReason;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 国外転出 (docs/domain.md §10), never special: no 転出証明書 is sent or posted. Bound in BPMN as
 * {@code ${abroadMoveOut.planned(execution)}} (転出予定, the move-out date kept in {@code abroadMoveOutDate}),
 * {@code ${abroadMoveOut.keepCard(task)}} (国外継続利用 at the counter, the PIN checked on the PIN pad first) and
 * {@code ${abroadMoveOut.movedOut(execution)}} on the move-out date: the movers become 除票 (reason 国外転出) and every
 * card not kept for use abroad lapses.
 */
@Component("abroadMoveOut")
public class AbroadMoveOut {

    static final String REASON = "国外転出";

    private final MoveOutRecorder recorder;
    private final CaseContext context;
    private final ResidentRegister register;
    private final AbroadMoves cards;
    private final PinRequests pinRequests;

    AbroadMoveOut(MoveOutRecorder recorder, CaseContext context, ResidentRegister register, AbroadMoves cards,
                  PinRequests pinRequests) {
        this.recorder = recorder;
        this.context = context;
        this.register = register;
        this.cards = cards;
        this.pinRequests = pinRequests;
    }

    public void planned(DelegateExecution execution) {
        recorder.planned(execution);
        TransferOutRequest request = context.request(execution);
        LocalDate date = request.movedOn() != null ? request.movedOn() : request.plannedMoveOutDate();
        execution.setVariable(ABROAD_MOVE_OUT_DATE, date.toString());
    }

    /** The clerk's 「国外継続利用の申出の受付」: the holder keyed the PIN for the card, which is endorsed 「国外転出」. */
    public void keepCard(DelegateTask task) {
        String id = (String) task.getVariable(ABROAD_PIN_REQUEST_ID);
        String holder = (String) task.getVariable(CARD_HOLDER_RESIDENT_CODE);
        PinRequest pin = id == null || id.isBlank() ? null : pinRequests.get(id.strip());
        if (pin == null || pin.purpose() != PinPurpose.ABROAD_CONTINUED_USE
                || !"OK".equals(pinRequests.resultForProcess(pin.id()))) {
            throw new DomainRuleViolation("ABROAD_USE_PIN_NOT_CONFIRMED", "国外継続利用には暗証番号の確認が必要です。"
                    + "手続「国外継続利用」で暗証番号の入力依頼を作成し、本人が暗証番号を入力して確認できてから、その依頼番号を入力してください。");
        }
        Resident resident = register.find(ResidentCode.of(holder), "国外継続利用の申出").orElseThrow();
        if (!pinRequestsCardOf(pin, holder)) {
            throw new DomainRuleViolation("ABROAD_USE_OTHER_CARD", "暗証番号を確認したカードは、この届出のカード所持者のカードではありません。");
        }
        cards.endorseForUseAbroad(pin.cardNumber(), resident.nationality() == Nationality.JAPANESE,
                LocalDate.parse((String) task.getVariable(ABROAD_MOVE_OUT_DATE)),
                (String) task.getVariable(RECEIPT_NUMBER));
    }

    /** On the move-out date: 除票 (reason 国外転出) and the cards' lapse. */
    public void movedOut(DelegateExecution execution) {
        LocalDate date = LocalDate.parse((String) execution.getVariable(ABROAD_MOVE_OUT_DATE));
        String receipt = context.receiptNumber(execution);
        for (ResidentCode code : MoveOutRecorder.movers(execution)) {
            register.remove(code, execution.getTenantId(), RemovalReason.ABROAD, date, receipt, REASON);
            cards.lapseOnMoveAbroad(code.value(), date, receipt);
        }
    }

    private boolean pinRequestsCardOf(PinRequest pin, String holder) {
        return cards.holderOf(pin.cardNumber()).map(holder::equals).orElse(false);
    }
}
