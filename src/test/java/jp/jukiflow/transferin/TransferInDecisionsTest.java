package jp.jukiflow.transferin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision tables of the special transfer-in ("transfer-in-route") and of card continuation
 * ("card-continuation-eligibility"), row by row (docs/domain.md §2, §3). The processes that use them come next.
 */
class TransferInDecisionsTest {

    static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static DmnDecision transferInRoute;
    static DmnDecision continuation;

    @BeforeAll
    static void parse() throws Exception {
        transferInRoute = parse("processes/transfer-in-route.dmn", "transfer-in-route");
        continuation = parse("processes/card-continuation-eligibility.dmn", "card-continuation-eligibility");
    }

    static DmnDecision parse(String file, String key) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return ENGINE.parseDecision(key, in);
        }
    }

    @ParameterizedTest(name = "wants={0} card={1} pin={2} inTime={3} late={4} info={5} → {6}")
    @CsvSource({
            "true,  VALID,         OK,          true,  false, RECEIVED,  SPECIAL,              要件を満たしています",
            "false, VALID,         OK,          true,  false, RECEIVED,  ORDINARY,             希望されない",
            "true,  NOT_PRESENTED, NOT_ENTERED, true,  false, RECEIVED,  ORDINARY,             お持ちでない",
            "true,  EXPIRED,       OK,          true,  false, RECEIVED,  ORDINARY,             有効期限が切れている",
            "true,  SUSPENDED,     OK,          true,  false, RECEIVED,  ORDINARY,             一時停止中",
            "true,  ABOLISHED,     OK,          true,  false, RECEIVED,  ORDINARY,             廃止または失効",
            // wrong PIN three times, then the right one: the card stays locked
            "true,  VALID,         LOCKED,      true,  false, RECEIVED,  ORDINARY,             ロックされている",
            "true,  VALID,         WRONG,       true,  false, RECEIVED,  ORDINARY,             暗証番号を確認できない",
            // the deadline passed by a day
            "true,  VALID,         OK,          false, false, RECEIVED,  ORDINARY,             期限",
            "true,  VALID,         OK,          true,  true,  RECEIVED,  ORDINARY,             14日を過ぎて",
            // the 転出証明書情報 arrives late: ask the origin and wait
            "true,  VALID,         OK,          true,  false, MISSING,   WAIT_FOR_CERTIFICATE, 請求します",
            "true,  VALID,         OK,          true,  false, REQUESTED, WAIT_FOR_CERTIFICATE, 届きしだい",
            // nobody to ask: neither the origin nor the receipt number / 住民票コード is known
            "true,  VALID,         OK,          true,  false, UNIDENTIFIED, ORDINARY,          請求できません",
            // the first reason a resident can act on wins: no card before anything else
            "true,  NOT_PRESENTED, LOCKED,      false, true,  MISSING,   ORDINARY,             お持ちでない",
    })
    void transferInRoute(boolean wants, String card, String pin, boolean inTime, boolean filedLate, String info,
                         String route, String reason) {
        DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(transferInRoute, Map.of("wantsSpecial", wants,
                "cardState", card, "pinResult", pin, "withinDeadline", inTime, "filedLate", filedLate,
                "certificateInfo", info)).getSingleResult();
        assertThat(r.<String>getEntry("route")).isEqualTo(route);
        assertThat(r.<String>getEntry("reason")).contains(reason);
        if (!route.equals("SPECIAL") && !route.equals("WAIT_FOR_CERTIFICATE") && !reason.equals("ロックされている")) {
            assertThat(r.<String>getEntry("reason")).contains("転出証明書");
        }
    }

    @ParameterizedTest(name = "abroad={0} card={1} in90={2} special={3} ordinary={4} timely={5} lines={6} pin={7} → {8}")
    @CsvSource({
            "false, VALID,     true,  true,  false, true,  3, OK,          true,  継続利用できます",
            // after an ordinary 転入 filed within 14 days of the move-in, too (docs/domain.md §3, corrected)
            "false, VALID,     true,  false, true,  true,  3, OK,          true,  継続利用できます",
            // an ordinary 転入届 filed late: refused with the reason
            "false, VALID,     true,  false, true,  false, 3, OK,          false, 14日を過ぎて",
            "false, VALID,     false, false, true,  true,  3, OK,          false, 90日を過ぎた",
            // day 90 is still in time (withinNinetyDays true), day 91 is not
            "false, VALID,     false, true,  false, true,  3, OK,          false, 90日を過ぎた",
            "true,  VALID,     true,  true,  false, true,  3, OK,          false, 国外",
            "false, EXPIRED,   true,  true,  false, true,  3, OK,          false, 有効期限",
            "false, SUSPENDED, true,  true,  false, true,  3, OK,          false, 一時停止中",
            "false, ABOLISHED, true,  true,  false, true,  3, OK,          false, 廃止",
            "false, VALID,     true,  false, false, true,  3, OK,          false, 転入届の受付日と転入日",
            "false, VALID,     true,  true,  false, true,  0, OK,          false, 追記欄",
            "false, VALID,     true,  false, true,  true,  0, OK,          false, 追記欄",
            "false, VALID,     true,  true,  false, true,  3, LOCKED,      false, 再設定",
            "false, VALID,     true,  true,  false, true,  3, WRONG,       false, 暗証番号を確認できない",
            "false, VALID,     true,  true,  false, true,  1, NOT_ENTERED, false, 暗証番号を確認できない",
    })
    void continuation(boolean abroad, String card, boolean in90, boolean special, boolean ordinary, boolean timely,
                      int lines, String pin, boolean eligible, String reason) {
        DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(continuation, Map.of("abroad", abroad, "cardState", card,
                "withinNinetyDays", in90, "specialTransferIn", special, "ordinaryTransferIn", ordinary,
                "transferInTimely", timely, "freeLines", lines, "pinResult", pin)).getSingleResult();
        assertThat(r.<Boolean>getEntry("eligible")).isEqualTo(eligible);
        assertThat(r.<String>getEntry("reason")).contains(reason);
    }

    /** Variables of an older caller (no ordinary 転入 facts): the decision answers as before. */
    @ParameterizedTest(name = "special={0} → {1}")
    @CsvSource({"true, true", "false, false"})
    void continuationWithoutTheOrdinaryFacts(boolean special, boolean eligible) {
        DmnDecisionRuleResult r = ENGINE.evaluateDecisionTable(continuation, Map.of("abroad", false, "cardState",
                "VALID", "withinNinetyDays", true, "specialTransferIn", special, "freeLines", 3, "pinResult", "OK"))
                .getSingleResult();
        assertThat(r.<Boolean>getEntry("eligible")).isEqualTo(eligible);
    }
}
