package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.util.HashMap;
import java.util.Map;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the home municipality: a counter elsewhere asks for a copy of one of its residents' records. Nothing is looked up
 * or sent inside the incoming message: the answer process {@code wide-area-copy-answer} (tenant = this municipality) is
 * started, and its own retried job reads the register and answers ({@link AnswerWideAreaCopyRequest}), so the request
 * is received and committed first and a failing answer is retried here, not at the counter.
 */
@Component
class WideAreaCopyRequestHandler implements JukinetMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(WideAreaCopyRequestHandler.class);
    /** The variable the tenant id provider reads (the new instance belongs to the home municipality). */
    static final String MUNICIPALITY_CODE = "municipalityCode";

    private final RuntimeService runtimeService;

    WideAreaCopyRequestHandler(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public MessageType type() {
        return MessageType.WIDE_AREA_COPY_REQUEST;
    }

    @Override
    public void handle(Envelope envelope) {
        WideAreaCopyRequest request = envelope.payloadAs(WideAreaCopyRequest.class);
        if (!request.issuingCode().equals(envelope.from()) || !request.homeCode().equals(envelope.to())) {
            throw new JukinetDeliveryException("JUKINET_ADDRESS_MISMATCH",
                    "広域交付請求の交付地・住所地（" + request.issuingCode() + " → " + request.homeCode()
                            + "）が送信元・宛先（" + envelope.from() + " → " + envelope.to() + "）と一致しないため、受け付けません。");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(MUNICIPALITY_CODE, request.homeCode());
        variables.put(ISSUING_CODE, request.issuingCode());
        variables.put(REQUEST_ID, request.requestId());
        variables.put(REQUEST, envelope.payload());
        String instance = runtimeService.createProcessInstanceByKey(ANSWER_PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey(request.requestId())
                .setVariables(variables)
                .execute().getId();
        log.info("Juki-net id={}: wide-area copy request {} from {} answered by {}", envelope.messageId(),
                request.requestId(), request.issuingCode(), instance);
    }
}
