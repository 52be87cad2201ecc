package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.ADDITIONAL_INFO;
import static jp.jukiflow.transferout.internal.TransferOutVariables.MESSAGE_ADDITIONAL_INFO;

import java.util.List;

import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.ResidentAnswers;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivers a resident's mailed answer to the case waiting at 「追加書類・回答の受付」, keeping the attachments. */
@Service
class ResidentAnswersService implements ResidentAnswers {

    private final RuntimeService runtimeService;
    private final CaseRegistry cases;

    ResidentAnswersService(RuntimeService runtimeService, CaseRegistry cases) {
        this.runtimeService = runtimeService;
        this.cases = cases;
    }

    @Override
    @Transactional
    public boolean answerReceived(String municipalityCode, String receiptNumber, String text, List<Attachment> attachments) {
        boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(receiptNumber)
                .tenantIdIn(municipalityCode).messageEventSubscriptionName(MESSAGE_ADDITIONAL_INFO).count() > 0;
        if (!waiting) {
            return false;
        }
        for (Attachment a : attachments) {
            cases.addDocument(receiptNumber, a.fileName(), a.contentType(), a.content());
        }
        runtimeService.createMessageCorrelation(MESSAGE_ADDITIONAL_INFO).processInstanceBusinessKey(receiptNumber)
                .tenantId(municipalityCode).setVariable(ADDITIONAL_INFO, text).correlate();
        return true;
    }
}
