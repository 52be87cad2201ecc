package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.MESSAGE_SUBMITTED;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import jp.jukiflow.transferout.TransferOutRequest;
import jp.jukiflow.transferout.TransferOutRequestValidator;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Web, API and e-mail intake: validates, then in one transaction opens the case and starts
 * {@code transfer-out-by-mail} at its message start event. The same source (Message-ID, idempotency key) never
 * gives a second case.
 */
@Service
class TransferOutIntakeService implements TransferOutIntake {

    private final TransferOutCases cases;
    private final TransferOutCaseStore store;
    private final MunicipalityDirectory municipalities;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final TransferOutRequestValidator validator;
    private final CaseRegistry caseRegistry;

    TransferOutIntakeService(TransferOutCases cases, TransferOutCaseStore store, MunicipalityDirectory municipalities,
                             RuntimeService runtimeService, TransactionTemplate transaction,
                             TransferOutSettings settings, CaseRegistry caseRegistry) {
        this.caseRegistry = caseRegistry;
        this.cases = cases;
        this.store = store;
        this.municipalities = municipalities;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
        this.validator = new TransferOutRequestValidator(settings.acceptDaysBefore());
    }

    @Override
    public Receipt submit(String municipalityCode, TransferOutForm form, IntakeChannel channel,
                          List<Attachment> attachments, Instant arrivedAt, String sourceRef) {
        Municipality municipality = municipalities.require(LocalGovernmentCode.of(municipalityCode));
        String code = municipality.code().value();
        Optional<Receipt> earlier = earlier(code, sourceRef);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant arrival = arrivedAt == null ? cases.now() : arrivedAt;
        TransferOutRequest request = validator.validate(form, cases.arrivalDay(arrival), municipality.code());
        try {
            return transaction.execute(status -> {
                String receiptNumber = cases.nextReceiptNumber(code);
                Map<String, Object> variables = cases.open(receiptNumber, municipality, request, channel,
                        attachments == null ? List.of() : attachments, arrival, sourceRef);
                runtimeService.createMessageCorrelation(MESSAGE_SUBMITTED)
                        .processInstanceBusinessKey(receiptNumber)
                        .setVariables(variables)
                        .correlateStartMessage();
                return receipt(receiptNumber);
            });
        } catch (DuplicateKeyException e) {
            // the same source arrived twice at the same moment: the other one won, answer with its receipt
            return earlier(code, sourceRef).orElseThrow(() -> e);
        }
    }

    private Optional<Receipt> earlier(String municipalityCode, String sourceRef) {
        if (sourceRef == null || sourceRef.isBlank()) {
            return Optional.empty();
        }
        return store.receiptForSource(municipalityCode, sourceRef).map(this::receipt);
    }

    /** The receipt with the case's current status (a repeated submission may come after the case moved on). */
    private Receipt receipt(String receiptNumber) {
        TransferOutStatus status = TransferOutStatus.valueOf(caseRegistry.find(receiptNumber)
                .map(c -> c.statusCode()).orElse(TransferOutStatus.RECEIVED.name()));
        return new Receipt(receiptNumber, status.name(), status.label(), cases.statusUrl(receiptNumber));
    }
}
