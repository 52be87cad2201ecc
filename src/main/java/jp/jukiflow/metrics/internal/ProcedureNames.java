package jp.jukiflow.metrics.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The Japanese names of the procedures: the name of the latest version of each deployed process. */
@Component
class ProcedureNames {

    private final RepositoryService repositoryService;
    private final Map<String, String> keysById = new ConcurrentHashMap<>();

    ProcedureNames(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Procedure key → its name (the key itself where the process has no name), in one query. */
    Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            names.putIfAbsent(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return names;
    }

    /**
     * The key of a process definition id, from the engine's deployment cache (an id is not always {@code key:version:…}:
     * the engine uses a bare generated id when that would be too long).
     */
    String keyOf(String processDefinitionId) {
        if (processDefinitionId == null) {
            return "";
        }
        // a definition id never changes its key: remembered, so a page with many rows asks the engine once per id
        return keysById.computeIfAbsent(processDefinitionId,
                id -> repositoryService.getProcessDefinition(id).getKey());
    }
}
