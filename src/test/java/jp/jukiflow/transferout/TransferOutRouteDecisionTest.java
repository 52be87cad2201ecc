package jp.jukiflow.transferout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table "transfer-out-route" on its own, row by row, as a lawyer would read it. */
class TransferOutRouteDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/transfer-out-route.dmn"))) {
            decision = engine.parseDecision("transfer-out-route", in);
        }
    }

    @ParameterizedTest(name = "{0} abroad={1} {2} card={3} → {4}")
    @CsvSource({
            // every requirement met
            "ALL,     false, IN_WINDOW, VALID,     SPECIAL,  要件を満たしています",
            // not our resident: rejected, whatever else
            "NONE,    false, IN_WINDOW, VALID,     REJECT,   住民基本台帳に記録されていることを確認できません",
            "NONE,    true,  TOO_LATE,  EXPIRED,   REJECT,   住民基本台帳",
            "PARTIAL, false, IN_WINDOW, VALID,     REJECT,   一部について",
            // the ordinary route: a normal outcome
            "ALL,     true,  IN_WINDOW, VALID,     ORDINARY, 国外",
            "ALL,     false, TOO_LATE,  VALID,     ORDINARY, 14日を過ぎて",
            "ALL,     false, IN_WINDOW, EXPIRED,   ORDINARY, 有効期限が切れている",
            "ALL,     false, IN_WINDOW, SUSPENDED, ORDINARY, 一時停止中",
            "ALL,     false, IN_WINDOW, INVALID,   ORDINARY, 有効なカードとして確認できなかった",
            // moving again before the card was continued: the card lapses, the transfer-out is ordinary
            "ALL,     false, IN_WINDOW, NOT_CONTINUED, ORDINARY, 継続利用の手続きがされていないため",
            "ALL,     false, IN_WINDOW, NOT_FOUND, ORDINARY, 有効なカードとして確認できなかった",
            // first match wins: abroad is explained before the card
            "ALL,     true,  TOO_LATE,  EXPIRED,   ORDINARY, 国外",
            "ALL,     false, TOO_LATE,  EXPIRED,   ORDINARY, 14日を過ぎて",
    })
    void route(String registerMatch, boolean abroad, String arrivalWindow, String cardState, String route,
               String reasonContains) {
        org.camunda.bpm.dmn.engine.DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, Map.of("registerMatch", registerMatch,
                "abroad", abroad, "arrivalWindow", arrivalWindow, "cardState", cardState)).getSingleResult();
        assertThat(result.<String>getEntry("route")).isEqualTo(route);
        assertThat(result.<String>getEntry("reason")).contains(reasonContains);
    }
}
