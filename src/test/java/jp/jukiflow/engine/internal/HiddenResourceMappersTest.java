package jp.jukiflow.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jp.jukiflow.shared.ResourceNotFound;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which engine REST answers become the Japanese "not found" of {@link HiddenResourceMappers}. */
class HiddenResourceMappersTest {

    @Test
    void idAddressedTasksAndProcessInstancesOnBothRestApplications() {
        assertThat(HiddenResourceMappers.resourceOf("task/abc")).contains(HiddenResourceMappers.Kind.TASK);
        assertThat(HiddenResourceMappers.resourceOf("/task/abc/form-variables")).contains(HiddenResourceMappers.Kind.TASK);
        assertThat(HiddenResourceMappers.resourceOf("engine/default/task/abc/complete"))
                .contains(HiddenResourceMappers.Kind.TASK);
        assertThat(HiddenResourceMappers.resourceOf("process-instance/abc/variables"))
                .contains(HiddenResourceMappers.Kind.PROCESS_INSTANCE);
        assertThat(HiddenResourceMappers.resourceOf("engine/default/history/process-instance/abc"))
                .contains(HiddenResourceMappers.Kind.PROCESS_INSTANCE);
        assertThat(HiddenResourceMappers.resourceOf("task")).isEmpty();
        assertThat(HiddenResourceMappers.resourceOf("task/count")).isEmpty();
        assertThat(HiddenResourceMappers.resourceOf("process-instance/suspended")).isEmpty();
        assertThat(HiddenResourceMappers.resourceOf("process-definition/abc/start")).isEmpty();
        assertThat(HiddenResourceMappers.resourceOf(null)).isEmpty();
    }

    @Test
    void missingAndAnotherTenantsAreNotFoundEverythingElseIsCamundas() {
        assertThat(HiddenResourceMappers.missingOrElsewhere(new ProcessEngineException(
                "ENGINE-13034 Cannot read the task 'x' because it belongs to no authenticated tenant."))).isTrue();
        assertThat(HiddenResourceMappers.missingOrElsewhere(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-13034 Cannot work on task 'x'"), "Cannot complete task x"))).isTrue();
        assertThat(HiddenResourceMappers.missingOrElsewhere(
                new InvalidRequestException(Response.Status.NOT_FOUND, "No matching task with id x"))).isTrue();
        assertThat(HiddenResourceMappers.missingOrElsewhere(new NullValueException("task x doesn't exist"))).isTrue();

        assertThat(HiddenResourceMappers.missingOrElsewhere(
                new InvalidRequestException(Response.Status.BAD_REQUEST, "Cannot submit: wrong type"))).isFalse();
        assertThat(HiddenResourceMappers.missingOrElsewhere(
                new AuthorizationException("okushiri-manager", "TASK_WORK", "Task", "1"))).isFalse();
        assertThat(HiddenResourceMappers.missingOrElsewhere(new ProcessEngineException("ENGINE-09005 Could not parse")))
                .isFalse();
        // a refusal of ours (a delegate's ResourceNotFound) keeps its own answer
        assertThat(HiddenResourceMappers.missingOrElsewhere(new ProcessEngineException("wrapped",
                new ResourceNotFound("CARD_NOT_FOUND", "カードは登録されていません。")))).isFalse();
    }

    @Test
    void theAnswerNamesNoIdAndNoMunicipality() {
        Response answer = HiddenResourceMappers.notFound(HiddenResourceMappers.Kind.TASK);
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getEntity()).hasToString(
                "{type=ResourceNotFound, message=指定されたタスクは見つかりません。, code=null, jukiflowCode=TASK_NOT_FOUND}");
    }

    @Test
    void comesBeforeTheRefusalMappersAndCamundas() {
        for (Class<?> mapper : HiddenResourceMappers.ALL) {
            assertThat(mapper.getAnnotation(jakarta.annotation.Priority.class).value())
                    .isLessThan(RefusalExceptionMappers.PRIORITY);
        }
    }
}
