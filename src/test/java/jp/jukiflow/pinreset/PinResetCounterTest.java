package jp.jukiflow.pinreset;

import static jp.jukiflow.support.EngineRestCalls.variables;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PIN reset is done at the counter: started as Tasklist starts it (the engine REST API's submit-form), it is
 * refused with 400 and the Japanese reason outside the hours, on a closed day and at 青苗支所, which does not take
 * it; nothing is started, nothing kept. In the hours at the main office the same form starts the case.
 */
class PinResetCounterTest extends ProcessTestFixture {

    static final String PROCESS = "pin-reset";
    static final String CLERK = "okushiri-clerk";

    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @LocalServerPort
    int port;

    @AfterEach
    void retire() {
        PinTestCards.retireAll(jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Thursday 18:00 JST       | 2026-11-26T09:00:00Z | -               | COUNTER_CLOSED        | 奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。
            Saturday 10:00 JST       | 2026-11-28T01:00:00Z | okushiri-honcho | COUNTER_CLOSED        | 奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。
            New Year's Day 10:00 JST | 2027-01-01T01:00:00Z | -               | COUNTER_CLOSED        | 奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。
            青苗支所, in the hours     | 2026-11-26T01:00:00Z | okushiri-aonae  | COUNTER_NOT_ACCEPTING | 奥尻町役場 青苗支所では暗証番号の再設定を受け付けていません。奥尻町役場 本庁の窓口をご案内ください。
            in the hours, main office | 2026-11-26T01:00:00Z | okushiri-honcho | -                     | -
            """)
    void onlyAnOpenCounterThatTakesTheResetStartsIt(String when, String instant, String office, String code,
                                                    String message) {
        String card = PinTestCards.newCard(cards, jdbc, hasher, OKUSHIRI);
        Map<String, Object> form = new HashMap<>();
        form.put("cardNumber", card);
        form.put("visitor", "HOLDER");
        form.put("idDocument", "DRIVERS_LICENCE");
        if (office != null) {
            form.put("officeId", office);
        }
        long instances = instances();
        Answer answer = TestClock.of(clock).at(Instant.parse(instant), () -> new EngineRestCalls(port).basic(CLERK,
                "POST", "/process-definition/key/" + PROCESS + "/submit-form", Map.of("variables", variables(form))));
        if (code == null) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(instances()).isEqualTo(instances + 1);
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = answer.json();
        assertThat(error.get("jukiflowCode").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isEqualTo(message);
        assertThat(instances()).isEqualTo(instances);
    }

    private long instances() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    }
}
