package jp.jukiflow.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.CaseLabels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every case the three variables Tasklist's task list shows for each task ({@link CaseLabels}): 受付番号 (the
 * business key), 氏名 and 受付日. Built-in listeners on every parsed process, so no BPMN names them and a new procedure
 * has them as soon as it is deployed:
 * <ul>
 *   <li>when a process starts: 受付日 = today (Japan); a transfer-out's own arrival date ({@code arrivedOn}) wins when
 *       the first task is created;</li>
 *   <li>when a user task is created: 受付番号 from the business key, and 氏名 once, from the first of the filer's,
 *       requester's, reporter's or agent's name the process holds, else the name of the resident the case is about
 *       ({@code residentCode}, read from the register for this purpose when the municipality holds them: an audited
 *       read).</li>
 * </ul>
 * The three are kept on the process instance and copied onto each user task as local variables: Tasklist's list reads
 * them with the clerk's authorizations, which cover the clerk's tasks but not the process instances.
 * A label that cannot be found is left out; the task is never refused for it.
 */
@Component
class CaseLabelsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CaseLabelsPlugin.class);
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日（E）", Locale.JAPANESE);
    /** Names a process may hold, in the order a clerk would call the case by. */
    static final List<String> NAME_VARIABLES = List.of("filerName", "requesterName", "reporterName", "agentName");
    static final String RESIDENT_CODE = "residentCode";
    static final String ARRIVED_ON = "arrivedOn";
    static final String PURPOSE = "タスク一覧での案件の表示";

    private final ResidentRegister register;
    private final Clock clock;

    CaseLabelsPlugin(@Lazy ResidentRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> started(e));
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior)
                        activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) t -> taskCreated(t));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    void started(DelegateExecution execution) {
        execution.getProcessInstance().setVariable(CaseLabels.RECEIVED_ON, DAY.format(LocalDate.now(clock.withZone(JAPAN))));
    }

    void taskCreated(DelegateTask task) {
        try {
            ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
            label(instance);
            // and on the task itself: the task list reads a task's variables with the clerk's own rights, which
            // reach the task but not the process instance
            for (String name : List.of(CaseLabels.NUMBER, CaseLabels.NAME, CaseLabels.RECEIVED_ON)) {
                String value = text(instance, name);
                if (value != null) {
                    task.setVariableLocal(name, value);
                }
            }
        } catch (RuntimeException e) {
            log.warn("No task list labels for the process instance {}: {}", task.getProcessInstanceId(), e.toString());
        }
    }

    private void label(ExecutionEntity instance) {
        if (instance.getBusinessKey() != null) {
            instance.setVariable(CaseLabels.NUMBER, instance.getBusinessKey());
        }
        arrivedOn(instance).ifPresent(day -> instance.setVariable(CaseLabels.RECEIVED_ON, DAY.format(day)));
        if (text(instance, CaseLabels.NAME) == null) {
            name(instance).ifPresent(name -> instance.setVariable(CaseLabels.NAME, name));
        }
    }

    private Optional<String> name(ExecutionEntity instance) {
        for (String variable : NAME_VARIABLES) {
            String name = text(instance, variable);
            if (name != null) {
                return Optional.of(name);
            }
        }
        String code = text(instance, RESIDENT_CODE);
        if (code == null) {
            return Optional.empty();
        }
        return register.findVisible(ResidentCode.of(code), PURPOSE).map(Resident::name).map(n -> n.full());
    }

    private static Optional<LocalDate> arrivedOn(VariableScope scope) {
        String day = text(scope, ARRIVED_ON);
        try {
            return Optional.ofNullable(day).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
