package jp.jukiflow.transferin;

import static jp.jukiflow.support.EngineRestCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal raised by an expression listener ({@code ${transferInStart.accepted(execution)}} on the start event of
 * "transfer-in-with-card") reaches the REST resource wrapped by the engine, not as itself as a delegate's does: the
 * start form submitted over the engine REST API with a malformed mail address still answers 400 with the Japanese
 * message and starts nothing.
 */
@JukiflowTest
class TransferInStartRestTest {

    static final String PROCESS = "transfer-in-with-card";

    @Autowired
    RuntimeService runtimeService;
    @LocalServerPort
    int port;

    @Test
    void aMalformedMailAddressInTheStartFormAnswers400AndStartsNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("cardNumber", "XD-not-here");
        form.put("movedInDate", "2026-11-25");
        form.put("newAddress", "北海道函館市五稜郭町1番1号");
        form.put("email", "yamada@@example");

        Answer refused = new EngineRestCalls(port).basic("hakodate-clerk", "POST",
                "/process-definition/key/" + PROCESS + "/submit-form", Map.of("variables", variables(form)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json();
        assertThat(error.get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(error.get("jukiflowCode").asText()).isEqualTo("INVALID_EMAIL");
        assertThat(error.get("code").isInt()).as(refused.body()).isTrue();
        assertThat(error.get("message").asText()).startsWith("メールアドレス「yamada@@example」の形式が正しくありません。");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
    }
}
