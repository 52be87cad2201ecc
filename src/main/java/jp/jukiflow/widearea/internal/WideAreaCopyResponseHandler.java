package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.WideAreaCopyResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the issuing municipality: the home municipality's answer continues the case waiting for it (the BPMN message
 * 「広域交付回答の受信」, by the case's request id as business key). An answer no case waits for any more (it came after
 * the clerk stopped waiting, or twice) is accepted and logged, not refused: the home municipality did its part, and the
 * case either asked again (that answer will do) or is closed.
 */
@Component
class WideAreaCopyResponseHandler implements JukinetMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(WideAreaCopyResponseHandler.class);

    private final RuntimeService runtimeService;

    WideAreaCopyResponseHandler(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public MessageType type() {
        return MessageType.WIDE_AREA_COPY_RESPONSE;
    }

    @Override
    public void handle(Envelope envelope) {
        WideAreaCopyResponse response = envelope.payloadAs(WideAreaCopyResponse.class);
        if (!response.homeCode().equals(envelope.from()) || !response.issuingCode().equals(envelope.to())) {
            throw new JukinetDeliveryException("JUKINET_ADDRESS_MISMATCH",
                    "広域交付回答の住所地・交付地（" + response.homeCode() + " → " + response.issuingCode()
                            + "）が送信元・宛先（" + envelope.from() + " → " + envelope.to() + "）と一致しないため、受け付けません。");
        }
        // asked first, so that a late answer never fails the correlation (which would refuse the whole message)
        List<Execution> waiting = runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_ANSWERED)
                .processInstanceBusinessKey(response.requestId())
                .tenantIdIn(response.issuingCode())
                .list();
        if (waiting.isEmpty()) {
            log.warn("Juki-net id={}: wide-area copy answer for {} ({}) arrived when no case waits for it; kept in the "
                    + "message log only", envelope.messageId(), response.requestId(), response.outcome());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ANSWER_OUTCOME, response.outcome().name());
        variables.put(REFUSAL_REASON, response.refusalReason());
        variables.put(HOME_NAME, response.homeMunicipalityName());
        // as bytes: a household's answer may pass the 4000 characters of a string variable
        variables.put(ANSWER, response.outcome() == WideAreaCopyResponse.Outcome.ANSWERED
                ? Variables.byteArrayValue(envelope.payload().getBytes(StandardCharsets.UTF_8)) : null);
        runtimeService.createMessageCorrelation(MESSAGE_ANSWERED)
                .processInstanceId(waiting.get(0).getProcessInstanceId())
                .setVariables(variables)
                .correlate();
        log.info("Juki-net id={}: wide-area copy answer for {} ({}) continues the case", envelope.messageId(),
                response.requestId(), response.outcome());
    }
}
