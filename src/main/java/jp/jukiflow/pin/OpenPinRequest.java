package jp.jukiflow.pin;

import java.time.Instant;
import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * 「暗証番号の入力依頼」 / 「暗証番号の設定依頼」 of every process: opens a one-time request for the card in the variable
 * {@value #CARD_NUMBER} at the instance's counter (its tenant), for the purpose in the task's input parameter
 * {@value #PURPOSE} (a {@link PinPurpose} name), on the pad in the input parameter {@value #PAD} ({@link Pad}; blank:
 * {@link Pad#PIN}). The process keeps the request's id, the pad's address (the link on the clerk's task) and until when
 * it may be answered ({@value #VALID_UNTIL}); the request's reference is the process key and the instance id.
 *
 * <pre>{@code
 * <bpmn:serviceTask id="Task_OpenPinRequest" name="暗証番号の入力依頼" camunda:delegateExpression="${openPinRequest}">
 *   <bpmn:extensionElements>
 *     <camunda:inputOutput>
 *       <camunda:inputParameter name="pinPurpose">WIDE_AREA_COPY</camunda:inputParameter>
 *     </camunda:inputOutput>
 *   </bpmn:extensionElements>
 * }</pre>
 */
@Component("openPinRequest")
public class OpenPinRequest implements JavaDelegate {

    /** Input parameter: the {@link PinPurpose} name. */
    public static final String PURPOSE = "pinPurpose";
    /** Input parameter: the {@link Pad} name; blank means {@link Pad#PIN}. */
    public static final String PAD = "pinPad";
    /** Process variable read: the number of the presented card. */
    public static final String CARD_NUMBER = "cardNumber";
    /** Process variable set: 「12月8日 10:15 まで」, {@code null} when no request was opened. */
    public static final String VALID_UNTIL = "pinRequestValidUntil";

    /** Which pad the resident keys on, and the process variables that name the request and the pad's address. */
    public enum Pad {
        /**
         * The PIN pad: the card's PIN is checked ({@link PinRequests}). A card that does not identify its holder gets
         * no request (no pad): the variables are {@code null} and the process's own check explains it afterwards.
         */
        PIN("pinRequestId", "pinPadUrl"),
        /**
         * The new-PIN pad: a new PIN is keyed twice ({@link NewPinRequests}). A card that may not get one is refused
         * at once ({@link jp.jukiflow.card.CardNotUsable}).
         */
        NEW_PIN("newPinRequestId", "newPinPadUrl");

        private final String requestIdVariable;
        private final String padUrlVariable;

        Pad(String requestIdVariable, String padUrlVariable) {
            this.requestIdVariable = requestIdVariable;
            this.padUrlVariable = padUrlVariable;
        }

        /** The process variable holding the request's id. */
        public String requestIdVariable() {
            return requestIdVariable;
        }

        /** The process variable holding the pad's address. */
        public String padUrlVariable() {
            return padUrlVariable;
        }
    }

    private final PinRequests pinRequests;
    private final NewPinRequests newPinRequests;

    OpenPinRequest(PinRequests pinRequests, NewPinRequests newPinRequests) {
        this.pinRequests = pinRequests;
        this.newPinRequests = newPinRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object pad = execution.getVariableLocal(PAD);
        open(execution, PinPurpose.valueOf((String) execution.getVariableLocal(PURPOSE)),
                pad == null || pad.toString().isBlank() ? Pad.PIN : Pad.valueOf(pad.toString()));
    }

    /** Opens the request for a delegate that does more first (e.g. the transfer-in keeps an arriving card). */
    public void open(DelegateExecution execution, PinPurpose purpose, Pad pad) {
        String cardNumber = (String) execution.getVariable(CARD_NUMBER);
        String reference = processKey(execution) + " " + execution.getProcessInstanceId();
        Optional<Opened> opened = switch (pad) {
            case PIN -> pinRequests.openIfUsable(cardNumber, purpose, execution.getTenantId(), reference)
                    .map(r -> new Opened(r.id(), PinRequests.pinPadPath(r.id()), r.expiresAt()));
            case NEW_PIN -> Optional.of(newPinRequests.open(cardNumber, purpose, execution.getTenantId(), reference))
                    .map(r -> new Opened(r.id(), NewPinRequests.newPinPadPath(r.id()), r.expiresAt()));
        };
        execution.setVariable(pad.requestIdVariable(), opened.map(Opened::id).orElse(null));
        execution.setVariable(pad.padUrlVariable(), opened.map(Opened::padPath).orElse(null));
        execution.setVariable(VALID_UNTIL, opened.map(o -> PinRequests.validUntilText(o.expiresAt())).orElse(null));
    }

    /** The id of the process element around the task, which is the process definition's key. */
    private static String processKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (!(element instanceof Process)) {
            element = element.getParentElement();
        }
        return ((Process) element).getId();
    }

    private record Opened(String id, String padPath, Instant expiresAt) {
    }
}
