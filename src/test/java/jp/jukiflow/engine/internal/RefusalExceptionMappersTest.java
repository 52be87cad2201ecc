package jp.jukiflow.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.InvalidInput;
import jp.jukiflow.shared.ResourceNotFound;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which exceptions the refusal mappers take from Camunda's, and the body they answer with. */
class RefusalExceptionMappersTest {

    static final DomainRuleViolation MISSING = new DomainRuleViolation("POLICE_RECEIPT_NUMBER_MISSING",
            "理由が「紛失」のときは、警察の受理番号が必要です。");

    final RefusalExceptionMappers.ForRestException forRest = new RefusalExceptionMappers.ForRestException();
    final RefusalExceptionMappers.ForProcessEngineException forEngine = new RefusalExceptionMappers.ForProcessEngineException();
    final RefusalExceptionMappers.ForAnyThrowable forAny = new RefusalExceptionMappers.ForAnyThrowable();

    @Test
    void aRefusalSeveralCausesDownIsFoundAndAnsweredInCamundasShapeWithOurCode() {
        ProcessEngineException engine = new ProcessEngineException("ENGINE-03051 wrapped", 42);
        engine.initCause(new IllegalStateException("listener", MISSING));
        RestException rest = new RestException(Response.Status.INTERNAL_SERVER_ERROR, engine, "Cannot complete task 1");

        assertThat(forRest.isMappable(rest)).isTrue();
        Response response = forRest.toResponse(rest);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
        assertThat(body(response)).containsExactly(Map.entry("type", "DomainRuleViolation"),
                Map.entry("message", MISSING.messageJa()), Map.entry("code", 42),
                Map.entry("jukiflowCode", "POLICE_RECEIPT_NUMBER_MISSING"));
    }

    @Test
    void theRefusalItselfHasNoCamundaCode() {
        assertThat(forAny.isMappable(MISSING)).isTrue();
        Map<String, Object> body = body(forAny.toResponse(MISSING));
        assertThat(body).containsEntry("code", null).containsEntry("jukiflowCode", "POLICE_RECEIPT_NUMBER_MISSING");
    }

    @Test
    void invalidInputIs400WithItsFieldsAndResourceNotFound404() {
        InvalidInput invalid = new InvalidInput("一時停止の届出の内容に誤りがあります") {
            @Override
            public List<Field> fields() {
                return List.of(new Field("reasonDetail", "REQUIRED", "その内容を入力してください。"));
            }
        };
        Response badInput = forEngine.toResponse(new ProcessEngineException("wrapped", invalid));
        assertThat(badInput.getStatus()).isEqualTo(400);
        assertThat(body(badInput)).containsEntry("jukiflowCode", "INVALID_REQUEST")
                .containsEntry("message", "一時停止の届出の内容に誤りがあります")
                .containsEntry("errors", invalid.fields());

        Response notFound = forAny.toResponse(new ResourceNotFound("CARD_NOT_FOUND", "カードは登録されていません。"));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(body(notFound)).containsEntry("type", "ResourceNotFound").containsEntry("jukiflowCode", "CARD_NOT_FOUND");
    }

    @Test
    void everythingElseIsLeftToCamunda() {
        ProcessEngineException engine = new ProcessEngineException("ENGINE-09005 Could not parse", new IllegalArgumentException());
        assertThat(forEngine.isMappable(engine)).isFalse();
        assertThat(forRest.isMappable(new RestException(Response.Status.INTERNAL_SERVER_ERROR, engine, "Cannot start"))).isFalse();
        assertThat(forEngine.isMappable(new AuthorizationException("okushiri-manager", "TASK_WORK", "Task", "1"))).isFalse();
        assertThat(forAny.isMappable(new NullPointerException())).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(forAny.isMappable(a)).isFalse();
    }

    @Test
    void eachMapperComesBeforeCamundasOfTheSameType() {
        for (Class<?> mapper : RefusalExceptionMappers.ALL) {
            assertThat(mapper.getAnnotation(Priority.class).value()).as(mapper.getName()).isLessThan(Priorities.USER);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.getEntity();
    }
}
