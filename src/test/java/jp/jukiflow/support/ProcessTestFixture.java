package jp.jukiflow.support;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The fixture of the tests that drive processes in the whole application ({@link JukiflowTest}): the engine's services,
 * the database, the pinned clock and MockMvc; the engine assertions bound and no user authenticated before each test; a
 * process started as a clerk would in Tasklist; the jobs run by hand (the job executor is off). The process of a
 * process test is named by {@link ProcessUnderTest} on the class; the towns and users are in {@link Towns}.
 */
@JukiflowTest
public abstract class ProcessTestFixture {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Clock clock;
    @Autowired
    protected MockMvc mvc;

    @BeforeEach
    void bindEngineAssertions() {
        BpmnAwareTests.init(engine);
        identityService.clearAuthentication();
    }

    /** The key of the process under test, from {@link ProcessUnderTest} on this class or a superclass. */
    protected String process() {
        ProcessUnderTest under = AnnotatedElementUtils.findMergedAnnotation(getClass(), ProcessUnderTest.class);
        if (under == null) {
            throw new IllegalStateException(getClass().getName() + " names no @ProcessUnderTest");
        }
        return under.value();
    }

    /** Starts the process under test as the clerk of {@code tenant} (see {@link ProcessTestSupport#startAsClerk}). */
    protected ProcessInstance startAsClerk(String tenant, Map<String, Object> variables) {
        return startAsClerk(process(), tenant, variables);
    }

    /** Starts process {@code processKey} as the clerk of {@code tenant}. */
    protected ProcessInstance startAsClerk(String processKey, String tenant, Map<String, Object> variables) {
        return ProcessTestSupport.startAsClerk(identityService, runtimeService, processKey, tenant, variables);
    }

    /** Starts the process under test as the demo user {@code user} in group {@code <tenant>-clerks} of {@code tenant}. */
    protected ProcessInstance startAs(String user, String tenant, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(process()).processDefinitionWithoutTenantId()
                    .setVariables(variables).execute();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Starts the process under test as the demo clerk of a demo town ({@code okushiri-clerk}, see {@link Towns}). */
    protected ProcessInstance startAsDemoClerk(String tenant, Map<String, Object> variables) {
        return startAs(Towns.clerkOf(tenant), tenant, variables);
    }

    /** A demo user logged in over HTTP Basic (password = user name) for MockMvc. */
    protected static RequestPostProcessor loggedIn(String user) {
        return SecurityMockMvcRequestPostProcessors.httpBasic(user, user);
    }

    /** The refusal of a start of the process under test as the clerk of {@code tenant}; fails when it is not refused. */
    protected DomainRuleViolation startRefusal(String tenant, Map<String, Object> variables) {
        return startRefusal(process(), tenant, variables);
    }

    /** The refusal of a start of process {@code processKey} as the clerk of {@code tenant}. */
    protected DomainRuleViolation startRefusal(String processKey, String tenant, Map<String, Object> variables) {
        return ProcessTestSupport.startRefusal(identityService, runtimeService, processKey, tenant, variables);
    }

    /** Runs the due jobs of the instance (see {@link ProcessTestSupport#executeDueJobs}). */
    protected void executeDueJobs(ProcessInstance instance) {
        ProcessTestSupport.executeDueJobs(management, instance);
    }

    /** Fires a timer and runs the jobs that follow (see {@link ProcessTestSupport#fireTimer}). */
    protected void fireTimer(ProcessInstance instance, String timerActivityId) {
        ProcessTestSupport.fireTimer(management, instance, timerActivityId);
    }

    /** What starts of the process under test have left: instances, history, rows of the dashboard's case_metric. */
    public record Traces(long instances, long history, long caseMetrics) {
    }

    /** The {@link Traces} of the process under test now (a refused start must leave them as they were). */
    protected Traces traces() {
        return new Traces(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(process()).count(),
                jdbc.sql("select count(*) from case_metric where procedure_key = ?").param(process()).query(Long.class)
                        .single());
    }

    /** A process variable of a running instance. */
    protected Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }
}
