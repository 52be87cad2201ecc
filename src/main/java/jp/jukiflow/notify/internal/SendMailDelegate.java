package jp.jukiflow.notify.internal;

import java.util.HashMap;
import java.util.Map;

import jp.jukiflow.notify.MailNotifier;
import jp.jukiflow.notify.MailRequest;
import jp.jukiflow.notify.OutboxEntry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The BPMN service task that sends a mail:
 * <pre>{@code
 * <bpmn:serviceTask id="Task_SendReceipt" name="受付のお知らせを送信" camunda:asyncBefore="true"
 *                   camunda:delegateExpression="${sendMail}">
 *   <bpmn:extensionElements>
 *     <camunda:failedJobRetryTimeCycle>R3/PT1M</camunda:failedJobRetryTimeCycle>
 *     <camunda:inputOutput>
 *       <camunda:inputParameter name="template">transfer-out-received</camunda:inputParameter>
 *     </camunda:inputOutput>
 *   </bpmn:extensionElements>
 * </bpmn:serviceTask>}</pre>
 * <ul>
 *   <li>recipient: the process variable {@code email} (absent or blank: the mail is stored as SKIPPED_NO_ADDRESS);</li>
 *   <li>sender municipality: the process instance's tenant (its 6-digit code), else the variable
 *       {@code municipalityCode};</li>
 *   <li>case key: the business key (the receipt number);</li>
 *   <li>model: every process variable visible here (the notifier adds the municipality's name, office hours …);</li>
 *   <li>idempotency key: {@code processInstanceId:activityId:n}, n = completed historic instances of this activity in
 *       this process instance. A loop that comes back legitimately mails again (n grew); a retried job, whose failed
 *       attempt was rolled back with its history, gets the same key and never mails twice. Needs history level
 *       {@code activity} or higher (jukiflow runs {@code full}); not meant for parallel multi-instance tasks.</li>
 * </ul>
 * The task must be {@code camunda:asyncBefore="true"} with the extension element
 * {@code <camunda:failedJobRetryTimeCycle>R3/PT1M</camunda:failedJobRetryTimeCycle>} (Camunda ignores it as an
 * attribute): the SMTP call then runs in a job of its own, a failure is retried a minute later, and the last failure
 * becomes an incident in Cockpit.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

    /** The input parameter naming the template ({@link jp.jukiflow.notify.MailTemplate} id). */
    public static final String TEMPLATE = "template";
    /** The process variable holding the resident's mail address. */
    public static final String RECIPIENT = "email";
    /** Fallback for the sender municipality when the process runs without a tenant. */
    public static final String MUNICIPALITY_CODE = "municipalityCode";
    /** The local variable this task leaves: the outbox status (SENT, SKIPPED_NO_ADDRESS). */
    public static final String RESULT = "mailStatus";

    private final MailNotifier notifier;
    private final HistoryService history;

    SendMailDelegate(MailNotifier notifier, HistoryService history) {
        this.notifier = notifier;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariable(TEMPLATE);
        if (template == null || template.toString().isBlank()) {
            throw new IllegalStateException("サービスタスク " + execution.getCurrentActivityId()
                    + " に入力パラメータ template（メールのテンプレート）が設定されていません。");
        }
        Map<String, Object> model = model(execution);
        Object recipient = execution.getVariable(RECIPIENT);
        OutboxEntry entry = notifier.send(new MailRequest(idempotencyKey(execution), execution.getProcessBusinessKey(),
                municipalityCode(execution), template.toString(), recipient == null ? null : recipient.toString(),
                model));
        execution.setVariableLocal(RESULT, entry.status().name());
    }

    /** Every variable but the template parameter and documents (file and byte values: nothing a text mail shows). */
    private static Map<String, Object> model(DelegateExecution execution) {
        Map<String, Object> model = new HashMap<>();
        VariableMap variables = execution.getVariablesTyped();
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            if (!TEMPLATE.equals(name) && !(value instanceof FileValue) && !(value instanceof BytesValue)) {
                model.put(name, value.getValue());
            }
        }
        return model;
    }

    private String idempotencyKey(DelegateExecution execution) {
        String activityId = execution.getCurrentActivityId();
        long completed = history.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(activityId)
                .finished()
                .count()
                - history.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(activityId)
                .canceled()
                .count();
        return execution.getProcessInstanceId() + ":" + activityId + ":" + completed;
    }

    private static String municipalityCode(DelegateExecution execution) {
        if (execution.getTenantId() != null && !execution.getTenantId().isBlank()) {
            return execution.getTenantId();
        }
        Object code = execution.getVariable(MUNICIPALITY_CODE);
        if (code == null || code.toString().isBlank()) {
            throw new IllegalStateException("プロセス " + execution.getProcessInstanceId()
                    + " にテナント（市区町村コード）がないため、メールの送信元を決められません。");
        }
        return code.toString();
    }
}
