package jp.jukiflow.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model in step with the engine, in the engine's transaction: a row when a process instance starts,
 * the outcome when it reaches a top-level end event, the end time and cycle time (calendar and business days) when
 * it ends. An instance that ends without an end event (cancelled, deleted) gets the outcome {@value #CANCELLED}.
 */
@Component
class CaseRecorder {

    static final String CANCELLED = "取消";
    static final String CHANNEL_VARIABLE = "channel";

    private final CaseMetricStore store;
    private final BusinessCalendar calendar;
    private final CaseMeters meters;
    private final Clock clock;

    CaseRecorder(CaseMetricStore store, BusinessCalendar calendar, CaseMeters meters, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.meters = meters;
        this.clock = clock;
    }

    void started(DelegateExecution execution) {
        if (execution.getTenantId() == null) {
            return; // not a municipality's case (e.g. a benchmark's bare process started by the system)
        }
        Instant now = clock.instant();
        Object channel = execution.getVariable(CHANNEL_VARIABLE);
        store.started(execution.getProcessInstanceId(), procedureKey(execution), execution.getTenantId(),
                channel == null ? null : channel.toString(), now, now.atZone(BusinessCalendar.ZONE).toLocalDate());
    }

    void reachedEndEvent(DelegateExecution execution) {
        FlowElement endEvent = execution.getBpmnModelElementInstance();
        String name = endEvent == null || endEvent.getName() == null ? execution.getCurrentActivityId() : endEvent.getName();
        store.outcome(execution.getProcessInstanceId(), name);
    }

    void ended(DelegateExecution execution) {
        store.find(execution.getProcessInstanceId()).filter(c -> c.endedAt() == null).ifPresent(c -> {
            Instant now = clock.instant();
            LocalDate endedOn = now.atZone(BusinessCalendar.ZONE).toLocalDate();
            int businessDays = calendar.businessDaysBetween(c.startedOn(), endedOn);
            Duration duration = Duration.between(c.startedAt(), now);
            store.ended(c.processInstanceId(), now, endedOn, CANCELLED, businessDays, duration.toSeconds());
            meters.completedAfterCommit(c.procedureKey(), c.municipalityCode(), duration);
        });
    }

    private static String procedureKey(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }
}
