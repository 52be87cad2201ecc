package jp.jukiflow.suspension;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static jp.jukiflow.suspension.SuspensionTestCards.suspensions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.security.MunicipalityGroups;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import jp.jukiflow.support.TestUsers;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The 24-hour line {@code POST /api/v1/card-suspensions}: a report at 3 a.m. on New Year's Day is taken and suspends
 * at once; a retry with the same Idempotency-Key returns the same number; every bad input is an RFC 9457 problem with a
 * stable code and changes nothing (no login, wrong role, unknown card, malformed 受理番号, future date, a JUKI card,
 * a card already 廃止 or suspended).
 */
class CardSuspensionApiTest extends ProcessTestFixture {

    static final String URL = "/api/v1/card-suspensions";
    static final String OPERATOR = "callcenter";

    @Autowired
    ObjectMapper json;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
    }

    @AfterEach
    void retire() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void aReportAtThreeInTheMorningOnNewYearsDayIsTakenAndSuspendsAtOnce() throws Exception {
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        ObjectNode body = body(card, "THEFT");
        body.put("lostOn", "2026-12-31");
        body.put("policeReceiptNumber", "2027-000001");
        body.put("reporterEmail", "newyear@test.example");
        // 2027-01-01 03:00 JST: 元日, a closed day, in the middle of the night
        String number = TestClock.of(clock).at(Instant.parse("2026-12-31T18:00:00Z"), () -> {
            try {
                return json.readTree(post(body, "newyear-1").andExpect(status().isCreated())
                        .andExpect(jsonPath("$.suspensionNumber", matchesPattern("S-013676-2027-\\d{6}")))
                        .andExpect(jsonPath("$.status").value("SUSPENDED"))
                        .andExpect(jsonPath("$.statusLabel").value("一時停止中"))
                        .andReturn().getResponse().getContentAsString()).get("suspensionNumber").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        List<CardEvent> events = cards.events(cards.find(card).orElseThrow().id());
        // the card's suspension, then its certificates put on hold with it
        assertThat(events).extracting(CardEvent::eventType).endsWith(CardStatusChanges.EVENT_SUSPENDED,
                jp.jukiflow.jpki.CardCertificates.EVENT_SUSPENDED);
        CardEvent suspended = events.get(events.size() - 2);
        assertThat(suspended.actor()).isEqualTo(OPERATOR);
        assertThat(suspended.occurredAt()).isEqualTo(Instant.parse("2026-12-31T18:00:00Z"));
        assertThat(suspended.reason()).contains("盗難", number);
        assertThat(jdbc.sql("select * from card_suspension where suspension_number = ?").param(number).query()
                .singleRow()).containsEntry("CHANNEL", "CALLCENTER").containsEntry("MUNICIPALITY_CODE", OKUSHIRI)
                .containsEntry("POLICE_RECEIPT_NUMBER", "2027-000001").containsEntry("REPORTED_BY", OPERATOR);
        // the clerk checks it at the close of the next open day: Monday 2027-01-04 (1/1 holiday, 1/2–1/3 closed)
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(confirm.getName()).isEqualTo("一時停止の確認");
        assertThat(confirm.getTenantId()).isEqualTo(OKUSHIRI);
        assertThat(confirm.getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-01-04T17:15:00+09:00").toInstant());

        // the caller's retry with the same key (even later, when 12-31 is no longer "the future" … of the pinned clock):
        // the same number, no second suspension
        post(body, "newyear-1").andExpect(status().isOk()).andExpect(jsonPath("$.suspensionNumber").value(number));
        assertThat(suspensions(jdbc, card)).isEqualTo(1);
        // a second report without the key: the card is suspended already
        post(body(card, "LOSS"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CARD_ALREADY_SUSPENDED"))
                .andExpect(jsonPath("$.detail", containsString(number)));
        // the key of another card's report cannot be reused
        String other = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        post(body(other, "LOSS"), "newyear-1").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(status(jdbc, other)).isEqualTo("ACTIVE");
    }

    @Test
    void withoutLoginOrWithTheWrongRoleNothingIsSuspended() throws Exception {
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL).contentType(MediaType.APPLICATION_JSON).content(body(card, "LOSS").toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        // a wrong password (on a user of its own: the engine locks a user for a while after a failed login)
        String caller = TestUsers.ensure(identityService, "callcenter-wrong-password", MunicipalityGroups.CALL_CENTER);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL)
                        .with(httpBasic(caller, "not-the-password")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(card, "LOSS").toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.detail", containsString("HTTP Basic")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL).with(httpBasic("okushiri-clerk", "okushiri-clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(card, "LOSS").toString()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"))
                .andExpect(jsonPath("$.detail", containsString("callcenter")));
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        assertThat(suspensions(jdbc, card)).isZero();
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        // unknown card
        post(body("MN-NO-SUCH-CARD", "LOSS"), null).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CARD_NOT_FOUND"))
                .andExpect(jsonPath("$.detail", containsString("登録されていません")));
        // malformed 受理番号
        ObjectNode police = body(card, "LOSS");
        police.put("policeReceiptNumber", "ABC-xyz");
        post(police, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[*].code", hasItem("POLICE_RECEIPT_NUMBER_FORMAT")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("policeReceiptNumber")));
        // a loss in the future, and a date that is none
        ObjectNode future = body(card, "LOSS");
        future.put("lostOn", "2026-11-27");
        post(future, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", hasItem("FUTURE_DATE")));
        future.put("lostOn", "2026-02-30");
        post(future, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", hasItem("INVALID_DATE")));
        // no reason, no reporter
        ObjectNode empty = json.createObjectNode();
        empty.put("cardNumber", card);
        post(empty, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("suspensionReason")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reporterName")));
        // not JSON
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL).with(httpBasic(OPERATOR, OPERATOR)).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        // an Idempotency-Key too long
        post(body(card, "LOSS"), "k".repeat(201)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_IDEMPOTENCY_KEY"));
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        assertThat(suspensions(jdbc, card)).isZero();

        // a JUKI card is not taken on the 24-hour line
        String juki = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.JUKI);
        post(body(juki, "LOSS"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CARD_TYPE_NOT_ACCEPTED"))
                .andExpect(jsonPath("$.detail", containsString("マイナンバーカードだけ")));
        assertThat(status(jdbc, juki)).isEqualTo("ACTIVE");
        // a card already 廃止 or returned
        String gone = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(gone).update();
        post(body(gone, "LOSS"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CARD_ABOLISHED"))
                .andExpect(jsonPath("$.detail", containsString("既に廃止されています")));
        jdbc.sql("update card set status = 'RETURNED' where card_number = ?").param(gone).update();
        post(body(gone, "LOSS"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CARD_RETURNED"));
        assertThat(suspensions(jdbc, gone)).isZero();
        assertThat(TestMailServer.received()).isEmpty();
    }

    private ResultActions post(ObjectNode body, String key) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL)
                .with(httpBasic(OPERATOR, OPERATOR)).contentType(MediaType.APPLICATION_JSON).content(body.toString());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private ObjectNode body(String card, String reason) {
        ObjectNode b = json.createObjectNode();
        b.put("cardNumber", card);
        b.put("reason", reason);
        b.put("reporterName", "奥尻 太郎");
        b.put("reporterRelation", "本人");
        b.put("reporterPhone", "090-0000-0000");
        return b;
    }
}
