package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import jp.jukiflow.jukinet.WideAreaCopyResponse;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「住民基本台帳の照会と回答（住基ネット）」 at the home municipality: answers the request from the register
 * ({@link HomeRegisterAnswers}: the data or the refusal, with the provision records) and sends the answer back. Runs
 * after an async boundary with retries; the provision records are written in the same transaction as the sending, so
 * an answer that could not be sent leaves no record.
 */
@Component("answerWideAreaCopyRequest")
class AnswerWideAreaCopyRequest implements JavaDelegate {

    private final HomeRegisterAnswers answers;
    private final JukinetGateway jukinet;

    AnswerWideAreaCopyRequest(HomeRegisterAnswers answers, JukinetGateway jukinet) {
        this.answers = answers;
        this.jukinet = jukinet;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WideAreaCopyRequest request = WideAreaCopyRequest.fromJson((String) execution.getVariable(REQUEST));
        WideAreaCopyResponse response = answers.answer(request);
        jukinet.send(MessageType.WIDE_AREA_COPY_RESPONSE, request.homeCode(), request.issuingCode(),
                request.requestId(), response);
        execution.setVariable(ANSWER_OUTCOME, response.outcome().name());
        if (response.refusalReason() != null) {
            execution.setVariable(REFUSAL_REASON, response.refusalReason());
        }
    }
}
