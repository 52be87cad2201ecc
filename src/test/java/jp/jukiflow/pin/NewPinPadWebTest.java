package jp.jukiflow.pin;

import static jp.jukiflow.support.Towns.asClerk;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.card.PinTestCards.PIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.support.JukiflowTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.WithoutIdentifiers;

/**
 * The PIN pad in its "new PIN" mode over MockMvc: login, CSRF, tenant, no-store, masked entry with autocomplete off,
 * a guessable PIN and a mismatch refused with their Japanese reasons, the PIN set and the card unlocked, and no PIN in
 * the page, the request's outcome or the logs.
 */
@JukiflowTest
@ExtendWith(OutputCaptureExtension.class)
class NewPinPadWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    NewPinRequests newPins;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoggingSystem logging;

    String card;
    /** A PIN the policy accepts for this holder, and another one. */
    String NEW_PIN;
    String OTHER_PIN;

    @BeforeEach
    void freshLockedCard() {
        card = PinTestCards.newCard(cards, jdbc, hasher, OKUSHIRI);
        java.time.LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(cards.find(card).orElseThrow().holderResidentCode()).query(java.time.LocalDate.class).single();
        java.util.List<String> good = java.util.stream.Stream.of("5831", "3972", "6049", "7315")
                .filter(p -> new PinPolicy().check(p, birth).accepted()).toList();
        NEW_PIN = good.get(0);
        OTHER_PIN = good.get(1);
        String request = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        for (int i = 0; i < 3; i++) {
            pinRequests.submit(request, "1357");
        }
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
        // other tests expect every card's PIN to be the demo PIN
        jdbc.sql("update card set pin_hash = ? where card_number = ?").params(hasher.hash(PIN), card).update();
        PinTestCards.retireAll(jdbc);
    }

    String openRequest() {
        PinTestCards.actAsClerk("okushiri-clerk", OKUSHIRI);
        try {
            return newPins.open(card, PinPurpose.PIN_RESET, OKUSHIRI, "web-test").id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void thePadAsksTwiceMasksTheDigitsAndShowsTheRules() throws Exception {
        String id = openRequest();
        mvc.perform(get("/staff/new-pin-pad/" + id).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
        String page = mvc.perform(get("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().string(Matchers.containsString("新しい暗証番号（数字4桁）を入力してください")))
                .andExpect(content().string(Matchers.containsString("確認のため、もう一度同じ暗証番号を入力してください")))
                .andExpect(content().string(Matchers.containsString("1ずつ増える連続した数字")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("autocomplete=\"off\"").contains("type=\"password\"")
                .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("document.cookie")
                .doesNotContain(card);
        // the pad's script (served beside the page) keeps the digits in memory only
        assertThat(mvc.perform(get("/js/pinpad.js").with(asClerk(OKUSHIRI))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("pin-form")
                .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("document.cookie");
        String holder = cards.find(card).orElseThrow().holderResidentCode();
        String family = jdbc.sql("select family_name from resident where resident_code = ?").param(holder)
                .query(String.class).single();
        assertThat(page).doesNotContain(family).doesNotContain(holder);
        mvc.perform(get("/staff/new-pin-pad/" + id).with(asClerk(HAKODATE))).andExpect(status().isForbidden());
    }

    @Test
    void refusedValuesComeBackWithTheReasonThenTheNewPinIsSet() throws Exception {
        String id = openRequest();
        mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).param("pin", NEW_PIN)
                .param("pinConfirmation", NEW_PIN)).andExpect(status().isForbidden());
        String refused = mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                        .param("pin", "7777").param("pinConfirmation", "7777"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("同じ数字を4つ並べたもの（例：0000、7777）は、推測されやすいため")))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused.replace("例：0000、7777", "")).doesNotContain("7777");
        String mismatch = mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                        .param("pin", NEW_PIN).param("pinConfirmation", OTHER_PIN))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("一致しません")))
                .andReturn().getResponse().getContentAsString();
        assertThat(WithoutIdentifiers.of(mismatch)).doesNotContain(NEW_PIN).doesNotContain(OTHER_PIN);
        mvc.perform(get("/staff/new-pin-pad/" + id + "/result").with(asClerk(OKUSHIRI)))
                .andExpect(redirectedUrl("/staff/new-pin-pad/" + id));

        mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                        .param("pin", NEW_PIN).param("pinConfirmation", NEW_PIN))
                .andExpect(redirectedUrl("/staff/new-pin-pad/" + id + "/result"));
        String result = mvc.perform(get("/staff/new-pin-pad/" + id + "/result").with(asClerk(OKUSHIRI)))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().string(Matchers.containsString("新しい暗証番号を設定しました")))
                .andReturn().getResponse().getContentAsString();
        assertThat(WithoutIdentifiers.of(result)).doesNotContain(NEW_PIN);
        mvc.perform(get("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(redirectedUrl("/staff/new-pin-pad/" + id + "/result"));
        mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                        .param("pin", NEW_PIN).param("pinConfirmation", NEW_PIN))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("設定済み")));

        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().locked()).isFalse();
        assertThat(after.pin().consecutiveFailures()).isZero();
        assertThat(hasher.matches(NEW_PIN, after.pin().pinHash())).isTrue();
        assertThat(hasher.matches(PIN, after.pin().pinHash())).isFalse();
        assertThat(newPins.outcome(id)).contains(NewPinRequest.State.SET);
    }

    @Test
    void anExpiredRequestSetsNothing() throws Exception {
        String id = openRequest();
        jdbc.sql("update new_pin_request set expires_at = created_at where id = ?").param(id).update();
        mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                        .param("pin", NEW_PIN).param("pinConfirmation", NEW_PIN))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("受付時間")));
        assertThat(newPins.outcome(id)).contains(NewPinRequest.State.EXPIRED);
        assertThat(cards.find(card).orElseThrow().pin().locked()).isTrue();
        mvc.perform(get("/staff/new-pin-pad/no-such-id").with(asClerk(OKUSHIRI))).andExpect(status().isNotFound());
    }

    @Test
    void theNewPinNeverReachesTheLogs(CapturedOutput output) throws Exception {
        String[] loggers = {"org.springframework.web", "org.springframework.security", "org.apache.catalina",
                "org.apache.coyote", "jp.jukiflow", "org.camunda"};
        for (String logger : loggers) {
            logging.setLogLevel(logger, LogLevel.TRACE);
        }
        String id;
        try {
            id = openRequest();
            mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                    .param("pin", "9630").param("pinConfirmation", "9603"));
            mvc.perform(post("/staff/new-pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf())
                    .param("pin", NEW_PIN).param("pinConfirmation", NEW_PIN));
        } finally {
            for (String logger : loggers) {
                logging.setLogLevel(logger, null);
            }
        }
        String logs = WithoutIdentifiers.of(output.getAll());
        assertThat(logs).as("the request was logged at TRACE").contains("/staff/new-pin-pad/");
        assertThat(logs).doesNotContain("9630").doesNotContain("9603").doesNotContain(NEW_PIN);
    }
}
