package jp.jukiflow.metrics.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link CaseRecorder} to every process the engine parses: to the process's start and end, and to the
 * end of each end event at the process's top level (its name is the case's outcome). Built-in listeners, so a
 * cancellation that skips custom listeners is still recorded. No BPMN names the recorder: a new procedure is
 * measured as soon as it is deployed.
 */
@Component
class CaseMetricsPlugin extends AbstractProcessEnginePlugin {

    private final CaseRecorder recorder;

    CaseMetricsPlugin(@Lazy CaseRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPostBPMNParseListeners());
        listeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) recorder::started);
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) recorder::ended);
        }

        @Override
        public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
            if (scope instanceof ProcessDefinitionEntity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) recorder::reachedEndEvent);
            }
        }
    }
}
