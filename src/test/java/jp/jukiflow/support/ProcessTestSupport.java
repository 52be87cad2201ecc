package jp.jukiflow.support;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.IdentityService;
import java.util.Map;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives a process in tests where the job executor is off: runs its due jobs, or one timer on demand. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** Executes the due jobs (async continuations) of the instance until none is left; timers stay. */
    public static void executeDueJobs(ManagementService management, ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            jobs = jobs.stream().filter(j -> j.getDuedate() == null || !isTimer(management, j)).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("Jobs keep coming for " + instance.getId());
    }

    /** Fires the timer attached to (or waiting at) the given activity, then runs the jobs that follow. */
    public static void fireTimer(ManagementService management, ProcessInstance instance, String timerActivityId) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(timerActivityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("No timer " + timerActivityId + " in " + instance.getId());
        }
        management.executeJob(timer.getId());
        executeDueJobs(management, instance);
    }

    private static boolean isTimer(ManagementService management, Job job) {
        return management.createJobQuery().jobId(job.getId()).timers().count() > 0;
    }

    /**
     * Starts a process as a clerk of the municipality would in Tasklist: user {@code <tenant>-clerk} in group
     * {@code <tenant>-clerks} with that tenant (the instance takes its tenant from the clerk).
     */
    public static ProcessInstance startAsClerk(IdentityService identityService, RuntimeService runtimeService,
                                               String processKey, String tenant, Map<String, Object> variables) {
        identityService.setAuthentication(tenant + "-clerk", List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(processKey).processDefinitionWithoutTenantId()
                    .setVariables(variables).execute();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The refusal of a start as a clerk (see {@link #startAsClerk}); an expression listener's refusal reaches the caller
     * wrapped by the engine, so the cause chain is searched. Fails when the start is not refused.
     */
    public static jp.jukiflow.shared.DomainRuleViolation startRefusal(IdentityService identityService,
                                                                      RuntimeService runtimeService, String processKey,
                                                                      String tenant, Map<String, Object> variables) {
        Throwable thrown = null;
        try {
            startAsClerk(identityService, runtimeService, processKey, tenant, variables);
        } catch (RuntimeException e) {
            thrown = e;
        }
        while (thrown != null && !(thrown instanceof jp.jukiflow.shared.DomainRuleViolation)) {
            thrown = thrown.getCause();
        }
        if (thrown == null) {
            throw new AssertionError("The start of " + processKey + " was not refused by a DomainRuleViolation");
        }
        return (jp.jukiflow.shared.DomainRuleViolation) thrown;
    }
}
