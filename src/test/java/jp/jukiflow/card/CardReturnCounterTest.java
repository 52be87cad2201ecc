package jp.jukiflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 返納 is a counter procedure: the clerks' card page takes it only at an office of the clerk's municipality that
 * accepts it, while open; otherwise the Japanese reason with 400 and the card stays as it was.
 */
@JukiflowTest
class CardReturnCounterTest {

    static final String CLERK = "hakodate-clerk";

    @Autowired
    MockMvc mvc;
    @Autowired
    CardRegistry cards;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;

    String card;

    @AfterEach
    void retire() {
        if (card != null) {
            LifecycleTestCards.in(context).retire(card);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Thursday 18:00 JST             | 2026-11-26T09:00:00Z | -               | COUNTER_CLOSED | 函館市役所 本庁舎の受付時間外です（開庁日の8時30分〜17時15分）。
            Saturday 10:00 JST             | 2026-11-28T01:00:00Z | hakodate-honcho | COUNTER_CLOSED | 開庁日の受付時間内にお越しください。
            Thursday 8:00 JST              | 2026-11-25T23:00:00Z | -               | COUNTER_CLOSED | 受付時間外です
            an office of another town      | 2026-11-26T01:00:00Z | okushiri-aonae  | OFFICE_UNKNOWN | 指定の窓口（okushiri-aonae）は函館市にありません。
            """)
    void refusedWhereOrWhenTheCounterDoesNotTakeIt(String when, String instant, String office, String code,
                                                   String message) {
        card = LifecycleTestCards.in(context).mover().cardNumber();
        TestClock.of(clock).at(Instant.parse(instant), () -> {
            try {
                return returnCard(office).andExpect(status().isBadRequest())
                        .andExpect(content().string(allOf(containsString(message), containsString(code))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void theClerkChoosesTheCounterAndInTheHoursTheReturnIsTaken() throws Exception {
        card = LifecycleTestCards.in(context).mover().cardNumber();
        mvc.perform(get("/staff/cards/" + card).with(httpBasic(CLERK, CLERK))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("受付窓口"),
                        containsString("<option value=\"hakodate-honcho\">函館市役所 本庁舎</option>"))));
        returnCard("hakodate-honcho").andExpect(redirectedUrl("/staff/cards/" + card + "?done=returned"));
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.RETURNED);
    }

    private ResultActions returnCard(String office) throws Exception {
        var request = post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                .param("reason", "NOT_NEEDED");
        return mvc.perform(office == null ? request : request.param("officeId", office));
    }
}
