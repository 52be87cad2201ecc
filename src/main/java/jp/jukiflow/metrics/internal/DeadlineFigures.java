package jp.jukiflow.metrics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.jukiflow.municipality.BusinessCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * Open cases whose legal last day is near: every running process instance with a {@code lastDayFor…} variable (an
 * ISO date: the last day of the special transfer-in, of the continuation, …) on or before the 5th business day from
 * today. A day already past is listed too, with negative days left.
 */
@Component
class DeadlineFigures {

    static final String VARIABLE_PREFIX = "lastDayFor";
    static final int WITHIN_BUSINESS_DAYS = 5;

    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;
    private final ProcedureNames procedureNames;

    DeadlineFigures(RuntimeService runtimeService, BusinessCalendar calendar, ProcedureNames procedureNames) {
        this.runtimeService = runtimeService;
        this.procedureNames = procedureNames;
        this.calendar = calendar;
    }

    record AtRisk(String procedureKey, String processInstanceId, String caseKey, String variable, LocalDate lastDay,
                  int businessDaysLeft) {
    }

    List<AtRisk> of(String municipality) {
        LocalDate today = calendar.today();
        LocalDate horizon = calendar.addBusinessDays(today, WITHIN_BUSINESS_DAYS);
        List<VariableInstance> variables = runtimeService.createVariableInstanceQuery()
                .variableNameLike(VARIABLE_PREFIX + "%").tenantIdIn(municipality).list();
        List<VariableInstance> near = new ArrayList<>();
        for (VariableInstance v : variables) {
            LocalDate lastDay = date(v.getValue());
            if (lastDay != null && !lastDay.isAfter(horizon) && v.getExecutionId().equals(v.getProcessInstanceId())) {
                near.add(v);
            }
        }
        if (near.isEmpty()) {
            return List.of();
        }
        Set<String> ids = near.stream().map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processInstanceIds(ids)
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
        return near.stream()
                .filter(v -> instances.containsKey(v.getProcessInstanceId()))
                .map(v -> {
                    ProcessInstance pi = instances.get(v.getProcessInstanceId());
                    LocalDate lastDay = date(v.getValue());
                    return new AtRisk(procedureNames.keyOf(pi.getProcessDefinitionId()), pi.getId(), pi.getBusinessKey(),
                            v.getName(), lastDay, calendar.businessDaysBetween(today, lastDay));
                })
                .sorted(Comparator.comparing(AtRisk::lastDay).thenComparing(AtRisk::processInstanceId))
                .toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(BusinessCalendar.ZONE).toLocalDate();
        }
        return null;
    }
}
