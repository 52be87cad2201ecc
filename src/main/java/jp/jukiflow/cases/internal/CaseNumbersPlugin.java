package jp.jukiflow.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.jukiflow.cases.CaseRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every case a business key a clerk recognises in Tasklist. A process called by another (the continuation
 * called by the special transfer-in) carries its caller's key; a process started at the counter whose model does not
 * set a key of its own (the special transfer-in, the continuation, the PIN reset — setting
 * {@code jukiflow.cases.numbered-processes}) gets the next receipt number (受付番号) of its municipality. Processes that
 * name their case themselves (the transfer-out's receipt number, the suspension number, the wide-area request id)
 * keep theirs.
 */
@Component
class CaseNumbersPlugin extends AbstractProcessEnginePlugin {

    private final CaseRegistry cases;
    private final Set<String> numbered;

    CaseNumbersPlugin(@Lazy CaseRegistry cases,
                      @Value("${jukiflow.cases.numbered-processes:transfer-in-with-card,card-continuation,pin-reset,pin-change}")
                      Set<String> numbered) {
        this.cases = cases;
        this.numbered = Set.copyOf(numbered);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPreBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> name(e));
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    void name(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() != null) {
            return;
        }
        ExecutionEntity caller = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution();
        if (caller != null) {
            execution.setProcessBusinessKey(caller.getProcessBusinessKey());
            return;
        }
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        if (numbered.contains(key) && execution.getTenantId() != null) {
            execution.setProcessBusinessKey(cases.nextReceiptNumber(execution.getTenantId()));
        }
    }
}
