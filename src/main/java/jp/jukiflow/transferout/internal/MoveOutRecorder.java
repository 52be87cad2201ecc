package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.transferout.TransferOutRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The register side of a transfer-out: the movers become 転出予定, then 除票 on the 転入通知, or residents again on
 * a 転出取消. Bound in BPMN as {@code ${moveOutRecorder.planned(execution)}} and so on.
 */
@Component("moveOutRecorder")
public class MoveOutRecorder {

    private final ResidentRegister register;
    private final CaseContext context;

    MoveOutRecorder(ResidentRegister register, CaseContext context) {
        this.register = register;
        this.context = context;
    }

    public void planned(DelegateExecution execution) {
        TransferOutRequest request = context.request(execution);
        String destination = request.destinationCode() == null ? null : request.destinationCode().value();
        for (ResidentCode code : movers(execution)) {
            register.recordPlannedMoveOut(code, request.plannedMoveOutDate(), destination, request.newAddress(),
                    context.receiptNumber(execution), TransferOutCheck.PURPOSE);
        }
    }

    public void confirmed(DelegateExecution execution) {
        LocalDate movedOn = LocalDate.parse((String) execution.getVariable(MOVED_ON));
        for (ResidentCode code : movers(execution)) {
            register.confirmMoveOut(code, movedOn, context.receiptNumber(execution), "転入通知による転出の確定");
        }
    }

    public void cancelled(DelegateExecution execution) {
        for (ResidentCode code : movers(execution)) {
            register.cancelMoveOut(code, context.receiptNumber(execution), "転出取消");
        }
    }

    private static List<ResidentCode> movers(DelegateExecution execution) {
        String codes = (String) execution.getVariable(MATCHED_RESIDENT_CODES);
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).map(ResidentCode::of).toList();
    }
}
