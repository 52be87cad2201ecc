package jp.jukiflow.intake.internal;

import static jp.jukiflow.intake.internal.MailReviewVariables.*;

import java.time.Clock;

import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.InvalidTransferOutRequest;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 申請として受付: submits what the clerk filled in as a mailed transfer-out, with the mail's attachments and its arrival
 * time, under the source {@code <Message-ID>#review} (so a retry never opens a second case). Invalid input goes back
 * to the clerk: BPMN error {@code MAIL_REQUEST_INVALID} with the reasons in {@code fieldErrors}.
 */
@Component("submitReviewedMail")
class SubmitReviewedMail implements JavaDelegate {

    static final String REVIEW_SUFFIX = "#review";

    private final TransferOutIntake intake;
    private final IntakeMailStore store;
    private final Clock clock;
    private final MailContentExtractor extractor = new MailContentExtractor();

    SubmitReviewedMail(TransferOutIntake intake, IntakeMailStore store, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long mailId = ((Number) execution.getVariable(INTAKE_MAIL_ID)).longValue();
        IntakeMailStore.Row mail = store.find(mailId).orElseThrow(() -> new IllegalStateException("no intake mail " + mailId));
        MailContent content = extractor.extract(store.rawMime(mailId));
        Receipt receipt;
        try {
            receipt = intake.submit(mail.municipalityCode(), ReviewForm.read(execution.getVariables()),
                    IntakeChannel.MAIL, content.attachments(), mail.receivedAt(), mail.messageId() + REVIEW_SUFFIX);
        } catch (InvalidTransferOutRequest e) {
            execution.setVariable(FIELD_ERRORS, ReviewForm.describe(e.errors()));
            throw new BpmnError(ERROR_REQUEST_INVALID, "申請内容に誤りがあります");
        }
        execution.setVariable(FIELD_ERRORS, null);
        execution.setVariable(RECEIPT_NUMBER, receipt.receiptNumber());
        store.markCaseStarted(mailId, receipt.receiptNumber(), clock.instant());
    }
}
