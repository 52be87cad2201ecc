package jp.jukiflow.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.shared.CaseLabels;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Japanese: a clerk's own tasks, the tasks of their groups, and those due soon.
 * They use the current user's identity, so each clerk sees only their own groups' and tenant's tasks. Each task in the
 * list shows the case's 受付番号, 氏名 and 受付日 ({@link #columns()}).
 */
@Component
class TasklistFilters {

    static final String MY_TASKS = "自分のタスク";
    static final String GROUP_TASKS = "係のタスク";
    static final String DUE_SOON = "期限が近いタスク";

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    /** Creates the filters that do not exist yet; returns the ids of all three. */
    List<String> ensure() {
        return List.of(
                ensure(MY_TASKS, "自分が担当しているタスク", -10, "#1f6feb",
                        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
                ensure(GROUP_TASKS, "自分の係に届いているタスク（担当者の有無を問わず）", 0, "#2da44e",
                        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc()),
                ensure(DUE_SOON, "期限まで3日以内のタスク（期限切れを含む）", 10, "#cf222e",
                        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
                                .orderByDueDate().asc()));
    }

    /**
     * The columns each task shows in the list, so that a clerk tells cases apart without opening them: 受付番号, 氏名,
     * 受付日 (the variables every process gets, {@link CaseLabels}).
     */
    static List<Map<String, String>> columns() {
        return List.of(
                Map.of("name", CaseLabels.NUMBER, "label", CaseLabels.NUMBER_LABEL),
                Map.of("name", CaseLabels.NAME, "label", CaseLabels.NAME_LABEL),
                Map.of("name", CaseLabels.RECEIVED_ON, "label", CaseLabels.RECEIVED_ON_LABEL));
    }

    /** Creates the filter, or brings an existing one (an older deployment's) up to date. */
    private String ensure(String name, String description, int priority, String color, TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", columns());
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        Filter filter = existing != null ? existing : filterService.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties);
        return filterService.saveFilter(filter).getId();
    }
}
