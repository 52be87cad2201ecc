package jp.jukiflow.metrics.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The open incidents of a municipality (failed jobs whose retries are exhausted, …), newest first. */
@Component
class IncidentFigures {

    private final RuntimeService runtimeService;
    private final ProcedureNames procedureNames;

    IncidentFigures(RuntimeService runtimeService, ProcedureNames procedureNames) {
        this.runtimeService = runtimeService;
        this.procedureNames = procedureNames;
    }

    record OpenIncident(String procedureKey, String processInstanceId, String activityId, String type, String message,
                        Instant since) {
    }

    List<OpenIncident> of(String municipality) {
        return runtimeService.createIncidentQuery().tenantIdIn(municipality).list().stream()
                .map(i -> new OpenIncident(procedureNames.keyOf(i.getProcessDefinitionId()), i.getProcessInstanceId(),
                        i.getActivityId(), i.getIncidentType(), i.getIncidentMessage(), i.getIncidentTimestamp().toInstant()))
                .sorted(Comparator.comparing(OpenIncident::since).reversed())
                .toList();
    }
}
