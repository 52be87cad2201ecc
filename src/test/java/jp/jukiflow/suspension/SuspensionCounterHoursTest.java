package jp.jukiflow.suspension;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static jp.jukiflow.suspension.SuspensionTestCards.suspensions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Lifting a suspension and the 廃止届 are counter procedures (docs/domain.md §4): the clerks' page refuses them outside the
 * counter's hours and at 青苗支所, which takes neither, with the Japanese reason and 400, and nothing changes; at the same
 * moment the 24-hour line still takes a report. Back in the hours, at the main office, both are done.
 */
class SuspensionCounterHoursTest extends ProcessTestFixture {

    static final String CLERK = "okushiri-clerk";
    /** Thursday 2026-11-26 18:00 JST, after 17:15. */
    static final Instant EVENING = Instant.parse("2026-11-26T09:00:00Z");
    static final String CLOSED = "奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。";

    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;

    @AfterEach
    void retire() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void liftAndAbolitionAreRefusedAfterHoursAndAtTheBranchWhileThe24HourLineTakesAReport() throws Exception {
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        String number = suspendAtTheCounter(card);
        TestClock testClock = TestClock.of(clock);

        testClock.at(EVENING, () -> call(() -> {
            mvc.perform(get("/staff/card-suspensions/" + number).with(httpBasic(CLERK, CLERK)))
                    .andExpect(status().isOk()).andExpect(content().string(allOf(
                            containsString("<option value=\"okushiri-honcho\">奥尻町役場 本庁</option>"),
                            containsString("name=\"officeId\""))));
            lift(number, null).andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString(CLOSED), containsString("COUNTER_CLOSED"))));
            abolish(number, "okushiri-honcho").andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString(CLOSED), containsString("COUNTER_CLOSED"))));
            assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
            // the same evening the 24-hour line takes a report of another card, and suspends it at once
            String other = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
            mvc.perform(post("/api/v1/card-suspensions").with(httpBasic("callcenter", "callcenter"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"cardNumber": "%s", "reason": "LOSS", "reporterName": "奥尻 太郎",
                                     "reporterRelation": "本人", "reporterPhone": "090-0000-0000"}""".formatted(other)))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUSPENDED"));
            assertThat(status(jdbc, other)).isEqualTo("SUSPENDED");
            return null;
        }));

        // in the hours: 青苗支所 takes neither; the main office (chosen or by default) does
        String again = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        String second = suspendAtTheCounter(again);
        lift(second, "okushiri-aonae").andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                containsString("奥尻町役場 青苗支所ではカードの一時停止の解除を受け付けていません。奥尻町役場 本庁の窓口をご案内ください。"),
                containsString("COUNTER_NOT_ACCEPTING"))));
        abolish(second, "okushiri-aonae").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("青苗支所ではカードの廃止届を受け付けていません")));
        abolish(second, "nowhere").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("OFFICE_UNKNOWN")));
        assertThat(status(jdbc, again)).isEqualTo("SUSPENDED");
        lift(second, "okushiri-honcho").andExpect(redirectedUrl("/staff/card-suspensions/" + second + "?done=lifted"));
        assertThat(status(jdbc, again)).isEqualTo("ACTIVE");
        assertThat(suspensions(jdbc, again)).isEqualTo(1);
    }

    private String suspendAtTheCounter(String card) {
        identityService.setAuthentication(CLERK, List.of(OKUSHIRI + "-clerks"), List.of(OKUSHIRI));
        try {
            return (String) runtimeService.createProcessInstanceByKey("card-suspension").processDefinitionWithoutTenantId()
                    .setVariables(CardSuspensionProcessTest.report(card, "LOSS")).executeWithVariablesInReturn()
                    .getVariables().get("suspensionNumber");
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ResultActions lift(String number, String office) throws Exception {
        var request = post("/staff/card-suspensions/" + number + "/lift").with(httpBasic(CLERK, CLERK)).with(csrf())
                .param("cardPresented", "true").param("identityDocument", "運転免許証");
        return mvc.perform(office == null ? request : request.param("officeId", office));
    }

    private ResultActions abolish(String number, String office) throws Exception {
        return mvc.perform(post("/staff/card-suspensions/" + number + "/abolish").with(httpBasic(CLERK, CLERK))
                .with(csrf()).param("identityDocument", "運転免許証").param("officeId", office));
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
