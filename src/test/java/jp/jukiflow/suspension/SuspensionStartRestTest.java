package jp.jukiflow.suspension;

import static jp.jukiflow.support.EngineRestCalls.variables;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static jp.jukiflow.suspension.SuspensionTestCards.suspensions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start form of "card-suspension" submitted over the engine REST API (Tasklist's 「一時停止の届出」): each kind of
 * refusal that {@code suspendCard} raises while the engine starts the instance answers with the project's status and
 * the Japanese message in Camunda's error shape, and no instance, suspension or status change is left: a
 * {@code DomainRuleViolation} (another municipality's card) and its {@code CardStatusConflict} (a returned card) 400,
 * an {@code InvalidInput} (「その他」 without its content) 400 with the wrong fields, a {@code ResourceNotFound} (no such
 * card) 404 as on the jukiflow API.
 */
@JukiflowTest
class SuspensionStartRestTest {

    static final String PROCESS = "card-suspension";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    EngineRestCalls rest;
    String card;
    long instancesBefore;

    @BeforeEach
    void anOkushiriCard() {
        rest = new EngineRestCalls(port);
        card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    }

    @AfterEach
    void retireTestCards() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void anotherMunicipalitysCardIsARuleViolation() {
        Answer refused = submit("hakodate-clerk", CardSuspensionProcessTest.report(card, "LOSS"));

        JsonNode error = assertRefused(refused, 400, "DomainRuleViolation", "CARD_MANAGED_ELSEWHERE");
        assertThat(error.get("message").asText()).contains("奥尻町が管理しています");
        assertNothingStarted("ACTIVE");
    }

    @Test
    void aReturnedCardIsAStatusConflict() {
        jdbc.sql("update card set status = 'RETURNED' where card_number = ?").param(card).update();

        Answer refused = submit("okushiri-clerk", CardSuspensionProcessTest.report(card, "THEFT"));

        JsonNode error = assertRefused(refused, 400, "CardStatusConflict", "CARD_RETURNED");
        assertThat(error.get("message").asText()).contains("既に返納されています");
        assertNothingStarted("RETURNED");
    }

    @Test
    void otherWithoutItsContentIsInvalidInputWithTheWrongFields() {
        Map<String, Object> form = CardSuspensionProcessTest.report(card, "OTHER");

        Answer refused = submit("okushiri-clerk", form);

        JsonNode error = assertRefused(refused, 400, "InvalidSuspensionReport", "INVALID_REQUEST");
        assertThat(error.get("message").asText()).contains("「その他」");
        assertThat(error.get("errors")).isNotEmpty();
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("reasonDetail");
        assertNothingStarted("ACTIVE");
    }

    @Test
    void anUnknownCardIsNotFound() {
        Answer refused = submit("okushiri-clerk", CardSuspensionProcessTest.report("SU-NO-SUCH-CARD", "LOSS"));

        JsonNode error = assertRefused(refused, 404, "ResourceNotFound", "CARD_NOT_FOUND");
        assertThat(error.get("message").asText()).contains("登録されていません");
        assertNothingStarted("ACTIVE");
    }

    @Test
    void tasklistsOwnEngineApiAnswersTheRefusalOfAStartToo() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .withoutTenantId().latestVersion().singleResult().getId();

        Answer refused = rest.tasklist("hakodate-clerk").engine("POST", "/process-definition/" + definition
                + "/submit-form", Map.of("variables", variables(CardSuspensionProcessTest.report(card, "LOSS"))));

        assertRefused(refused, 400, "DomainRuleViolation", "CARD_MANAGED_ELSEWHERE");
        assertNothingStarted("ACTIVE");
    }

    private Answer submit(String clerk, Map<String, Object> form) {
        return rest.basic(clerk, "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                Map.of("variables", variables(form)));
    }

    private static JsonNode assertRefused(Answer answer, int status, String type, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode error = answer.json();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("jukiflowCode").asText()).isEqualTo(code);
        assertThat(error.has("code")).isTrue();
        return error;
    }

    private void assertNothingStarted(String cardStatus) {
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(instancesBefore);
        assertThat(suspensions(jdbc, card)).isZero();
        assertThat(status(jdbc, card)).isEqualTo(cardStatus);
    }
}
