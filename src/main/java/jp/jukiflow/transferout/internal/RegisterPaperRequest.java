package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.transferout.ClerkTypedForm;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.InvalidTransferOutRequest;
import jp.jukiflow.transferout.TransferOutRequest;
import jp.jukiflow.transferout.TransferOutRequestValidator;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Paper channel: validates what the clerk typed from a posted letter and opens the case (receipt number as the
 * business key). Invalid input goes back to the clerk (BPMN error {@code INVALID_REQUEST}) with the reasons.
 */
@Component("registerPaperRequest")
class RegisterPaperRequest implements JavaDelegate {

    private final TransferOutCases cases;
    private final MunicipalityDirectory municipalities;
    private final TransferOutSettings settings;

    RegisterPaperRequest(TransferOutCases cases, MunicipalityDirectory municipalities, TransferOutSettings settings) {
        this.cases = cases;
        this.municipalities = municipalities;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> v = execution.getVariables();
        Municipality municipality = municipalities.require(LocalGovernmentCode.of(execution.getTenantId()));
        String arrived = ClerkTypedForm.arrivedOn(v);
        LocalDate arrivedOn = arrived == null ? cases.arrivalDay(cases.now()) : LocalDate.parse(arrived);
        Instant arrivedAt = arrivedOn.atTime(12, 0).atZone(TransferOutCases.JAPAN).toInstant();
        TransferOutRequest request;
        try {
            request = new TransferOutRequestValidator(settings.acceptDaysBefore()).validate(ClerkTypedForm.read(v), arrivedOn,
                    municipality.code());
        } catch (InvalidTransferOutRequest e) {
            execution.setVariable(VALIDATION_ERRORS, describe(e));
            throw new BpmnError(ERROR_INVALID_REQUEST, "入力内容に誤りがあります");
        }
        String receiptNumber = cases.nextReceiptNumber(municipality.code().value());
        execution.setProcessBusinessKey(receiptNumber);
        execution.setVariables(cases.open(receiptNumber, municipality, request, IntakeChannel.PAPER, List.of(),
                arrivedAt, null));
        execution.setVariable(VALIDATION_ERRORS, null);
    }

    private static String describe(InvalidTransferOutRequest e) {
        return e.errors().stream().map(err -> "・" + err.message()).collect(Collectors.joining("\n"));
    }
}
