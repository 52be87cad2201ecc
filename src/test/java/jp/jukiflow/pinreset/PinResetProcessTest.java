package jp.jukiflow.pinreset;

import static jp.jukiflow.card.PinTestCards.HAKODATE;
import static jp.jukiflow.card.PinTestCards.OKUSHIRI;
import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.support.ProcessTestSupport.fireTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.NewPinResult;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.ProcessTestSupport;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import jp.jukiflow.support.WithoutIdentifiers;

/**
 * Every path of "pin-reset" at the counter of 奥尻町: in person (a locked card becomes usable: the new PIN verifies, the
 * old one is wrong), a guessable PIN and a mismatch refused on the way, a resident who gives up, an identity not
 * confirmed; by an agent with the 照会書 (PDF: name, address, 和暦 dates, embedded font) and the 回答書 end to end, and
 * expired by the 30-day timer (the holder mailed when the register has an address); refused at the start for a card managed by 函館市 and for an abolished card.
 */
@JukiflowTest
class PinResetProcessTest {

    static final String PROCESS = "pin-reset";
    static final String FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    NewPinRequests newPins;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identityService.clearAuthentication();
        TestMailServer.reset();
    }

    /** The test cards of this test: their new PIN is put back to {@link PinTestCards#PIN}, as other tests expect. */
    final List<String> created = new ArrayList<>();

    /** Mail addresses of the register changed by a test, put back after it. */
    final Map<String, String> emails = new HashMap<>();

    @AfterEach
    void retireTestCards() {
        emails.forEach((resident, email) -> jdbc.sql("update resident set email = ? where resident_code = ?")
                .params(email, resident).update());
        if (!created.isEmpty()) {
            String hash = hasher.hash(PIN);
            created.forEach(c -> jdbc.sql("update card set pin_hash = ? where card_number = ?").params(hash, c).update());
        }
        PinTestCards.retireAll(jdbc);
    }

    private String newCard(String municipality) {
        String card = PinTestCards.newCard(cards, jdbc, hasher, municipality);
        created.add(card);
        return card;
    }

    @Test
    void inPersonALockedCardBecomesUsableWithTheNewPinAndTheOldOneIsWrong() {
        String card = newCard(OKUSHIRI);
        lock(card);
        Card locked = cards.find(card).orElseThrow();
        assertThat(locked.pin().locked()).isTrue();

        ProcessInstance pi = started(OKUSHIRI, startForm(card, "HOLDER"));
        assertThat(pi).hasPassed("Event_ResetRequested", "Gateway_Visitor").isWaitingAt("Task_CheckIdentity");
        assertThat(task(pi)).hasName("本人確認").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(pi).variables().containsEntry("residentCode", locked.holderResidentCode());
        // the task list tells the case apart: 受付番号, the holder's name (from the register), 受付日
        String holderName = jdbc.sql("select family_name || '　' || given_name from resident where resident_code = ?")
                .param(locked.holderResidentCode()).query(String.class).single();
        assertThat(pi).variables().containsEntry("caseNumber", pi.getBusinessKey())
                .containsEntry("caseName", holderName).containsEntry("caseReceivedOn", "2026年11月26日（木）");
        complete(task(pi), Map.of("identityConfirmed", true));

        assertThat(pi).hasPassed("Gateway_IdentityConfirmed", "Task_OpenNewPinRequest").isWaitingAt("Task_SetNewPin");
        assertThat(task(pi)).hasName("新しい暗証番号の設定").hasCandidateGroup(OKUSHIRI + "-clerks");
        String request = newPinRequestId(pi);
        assertThat(runtimeService.getVariable(pi.getId(), "newPinPadUrl")).isEqualTo("/staff/new-pin-pad/" + request);
        // the clock stands at 2026-11-26 10:00 JST; a request is open for ten minutes
        assertThat(runtimeService.getVariable(pi.getId(), "pinRequestValidUntil")).isEqualTo("11月26日 10:10 まで");
        String newPin = goodPin(locked);
        NewPinResult result = newPins.submit(request, newPin, newPin);
        assertThat(result.set()).isTrue();
        assertThat(result.messageJa()).contains("新しい暗証番号を設定しました");
        complete(task(pi));

        assertThat(pi).hasPassed("Gateway_PinSet", "End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("newPinResult", "SET").containsEntry("pinResetOutcome", "RESET");
        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().locked()).isFalse();
        assertThat(after.pin().consecutiveFailures()).isZero();
        assertThat(after.pin().pinHash()).isNotEqualTo(locked.pin().pinHash());
        assertThat(hasher.matches(newPin, after.pin().pinHash())).isTrue();
        CardEvent event = lastEvent(after);
        assertThat(event.eventType()).isEqualTo(NewPinRequests.EVENT_PIN_RESET);
        assertThat(WithoutIdentifiers.of(event.reason() + event.detail())).contains("暗証番号の再設定").doesNotContain(newPin);

        // the card is usable again: the new PIN verifies, the old one is wrong
        String wrong = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(wrong, PIN).outcome()).isEqualTo(PinVerification.Outcome.WRONG);
        String right = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(right, newPin).outcome()).isEqualTo(PinVerification.Outcome.OK);

        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void aGuessablePinIsRefusedWithTheReasonAMismatchTooThenAGoodOneIsSet() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = started(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", true));
        String request = newPinRequestId(pi);

        NewPinResult guessable = newPins.submit(request, "1234", "1234");
        assertThat(guessable.set()).isFalse();
        assertThat(guessable.code()).isEqualTo("PIN_ASCENDING_RUN");
        assertThat(guessable.messageJa()).contains("1ずつ増える連続した数字", "推測されやすい");
        Card holder = cards.find(card).orElseThrow();
        String newPin = goodPin(holder);
        NewPinResult mismatch = newPins.submit(request, newPin, otherGoodPin(holder, newPin));
        assertThat(mismatch.set()).isFalse();
        assertThat(mismatch.code()).isEqualTo(NewPinResult.MISMATCH);
        assertThat(mismatch.messageJa()).contains("一致しません");
        assertThat(newPins.outcome(request)).contains(NewPinRequest.State.PENDING);
        assertThat(cards.find(card).orElseThrow().pin().pinHash()).isEqualTo(holder.pin().pinHash());

        assertThat(newPins.submit(request, newPin, newPin).set()).isTrue();
        assertThat(newPins.get(request).attempts()).isEqualTo(3);
        assertThatThrownBy(() -> newPins.submit(request, newPin, newPin)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("設定済み");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Reset").isEnded();
        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void theResidentGivesUpAndTheCardStaysAsItWas() {
        String card = newCard(OKUSHIRI);
        lock(card);
        ProcessInstance pi = started(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", true));
        newPins.submit(newPinRequestId(pi), "0000", "0000");
        complete(task(pi));
        assertThat(pi).hasPassed("Gateway_PinSet", "End_NotSet").hasNotPassed("End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("newPinResult", "NOT_SET").containsEntry("pinResetOutcome", "NOT_SET");
        assertThat(cards.find(card).orElseThrow().pin().locked()).isTrue();
    }

    @Test
    void anIdentityNotConfirmedEndsTheCaseWithoutAPinRequest() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = started(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", false));
        assertThat(pi).hasPassed("End_IdentityNotConfirmed").hasNotPassed("Task_OpenNewPinRequest").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "IDENTITY_NOT_CONFIRMED")
                .doesNotContainKey("newPinRequestId");
    }

    @Test
    void byAnAgentWithTheInquiryLetterAndItsAnswerEndToEnd() throws Exception {
        requireFont();
        String card = newCard(OKUSHIRI);
        lock(card);
        Card locked = cards.find(card).orElseThrow();
        Map<String, Object> form = startForm(card, "AGENT");
        form.put("agentName", "代理　花子");
        ProcessInstance pi = started(OKUSHIRI, form);

        assertThat(pi).hasPassed("Task_IssueInquiry").isWaitingAt("Task_SendInquiry");
        assertThat(task(pi)).hasName("照会書の印刷・郵送").hasCandidateGroup(OKUSHIRI + "-clerks");
        String inquiryNumber = (String) runtimeService.getVariable(pi.getId(), "inquiryNumber");
        assertThat(inquiryNumber).matches("013676-2026-\\d{6}");
        // 2026-11-26 + 30 days = Saturday 12-26: the deadline rolls to Monday 12-28; the timer fires when it is over
        assertThat(pi).variables().containsEntry("answerDeadline", "2026-12-28")
                .containsEntry("answerTimerAt", "2026-12-29T00:00+09:00")
                .containsEntry("inquiryPdfUrl", "/staff/pin-resets/" + pi.getId() + "/inquiry.pdf");

        // the 照会書: A4, the font embedded, the holder's name and registered address, 和暦 dates, the 回答書
        byte[] pdf = mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf")
                        .with(user("okushiri-clerk").authorities(() -> "GROUP_013676-clerks", () -> "TENANT_013676")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, Object> holder = jdbc.sql("""
                select family_name, given_name, address from resident where resident_code = ?""")
                .param(locked.holderResidentCode()).query().singleRow();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "pin-reset-inquiry.pdf"), pdf); // for a person to look at
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f.getName()).contains("IPAGothic");
            });
            String text = PdfText.of(doc);
            assertThat(text).contains("暗証番号の再設定に関する照会書", "回答書", inquiryNumber, "奥尻町",
                    "令和8年11月26日", "令和8年12月28日", "代理花子",
                    (String) holder.get("family_name") + holder.get("given_name"),
                    ((String) holder.get("address")).replaceAll("[ \\u3000]", ""),
                    card.substring(card.length() - 4))
                    .doesNotContain(card);
        }
        mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf")
                        .with(user("hakodate-clerk").authorities(() -> "GROUP_012025-clerks", () -> "TENANT_012025")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf"))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(302, 401)));

        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReceiveAnswer");
        assertThat(task(pi)).hasName("回答書の受付").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(task(pi).getDueDate().toInstant().atZone(ZoneOffset.ofHours(9)).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 28));
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-28T15:00:00Z"));

        // the agent's second visit with the 回答書 and the card
        complete(task(pi));
        assertThat(answerReceived(pi)).isTrue();
        assertThat(pi).isWaitingAt("Task_CheckAgent");
        assertThat(task(pi)).hasName("代理人の本人確認");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        complete(task(pi), Map.of("identityConfirmed", true));
        assertThat(pi).isWaitingAt("Task_SetNewPin");
        String newPin = goodPin(locked);
        assertThat(newPins.submit(newPinRequestId(pi), newPin, newPin).set()).isTrue();
        complete(task(pi));
        assertThat(pi).hasPassed("Task_ReceiveAnswer", "Task_CheckAgent", "End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "RESET");
        assertThat(cards.find(card).orElseThrow().pin().locked()).isFalse();
        String check = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(check, newPin).outcome()).isEqualTo(PinVerification.Outcome.OK);
        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void byAnAgentExpiresWhenNoAnswerComesWithinThirtyDaysAndTheHolderIsToldByMail() throws Exception {
        requireFont();
        String card = newCard(OKUSHIRI);
        holderEmail(card, "pin-reset-holder@test.example");
        Map<String, Object> form = startForm(card, "AGENT");
        form.put("agentName", "代理　花子");
        ProcessInstance pi = started(OKUSHIRI, form);
        assertThat(pi).variables().containsEntry("holderEmail", "pin-reset-holder@test.example");
        String inquiryNumber = (String) runtimeService.getVariable(pi.getId(), "inquiryNumber");
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReceiveAnswer");
        fireTimer(management, pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Event_AnswerOverdue", "Gateway_MailExpired", "Task_MailExpired", "End_Expired")
                .hasNotPassed("Task_CheckAgent").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "EXPIRED");
        assertThat(answerReceived(pi)).isFalse();
        MimeMessage mail = Arrays.stream(TestMailServer.received()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains("pin-reset-holder@test.example");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to the holder"));
        assertThat(mail.getSubject()).contains("【奥尻町】", "暗証番号の再設定の手続きを終了しました", inquiryNumber);
        assertThat((String) mail.getContent()).contains("2026年12月28日", "代理　花子", "心当たりのない申請");
    }

    @Test
    void byAnAgentExpiresWithoutAMailWhenTheRegisterHasNoAddress() {
        requireFont();
        String card = newCard(OKUSHIRI);
        holderEmail(card, null);
        ProcessInstance pi = started(OKUSHIRI, startForm(card, "AGENT"));
        complete(task(pi));
        fireTimer(management, pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Gateway_MailExpired", "End_Expired").hasNotPassed("Task_MailExpired").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "EXPIRED");
        assertThat(TestMailServer.received()).isEmpty();
    }

    @Test
    void theNewTownResetsALockedPinOfACardTheOriginStillManages() {
        // after a special transfer-in to 函館市, before the continuation: 奥尻町 still manages the card (DOMAIN.md §3)
        String card = newCard(HAKODATE);
        jdbc.sql("update card set managing_municipality_code = ? where card_number = ?").params(OKUSHIRI, card).update();
        lock(card);
        ProcessInstance pi = started(HAKODATE, startForm(card, "HOLDER"));
        assertThat(task(pi)).hasName("本人確認").hasCandidateGroup(HAKODATE + "-clerks");
        complete(task(pi), Map.of("identityConfirmed", true));
        assertThat(pi).isWaitingAt("Task_SetNewPin");
        String newPin = goodPin(cards.find(card).orElseThrow());
        assertThat(newPins.submit(newPinRequestId(pi), newPin, newPin).set()).isTrue();
        complete(task(pi));
        assertThat(pi).hasPassed("End_Reset").isEnded();
        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().locked()).isFalse();
        assertThat(after.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
    }

    @Test
    void refusedForACardManagedByAnotherMunicipality() {
        String card = newCard(HAKODATE);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        assertThatThrownBy(() -> started(OKUSHIRI, startForm(card, "HOLDER")))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("函館市")
                .hasMessageContaining("カードを管理する市区町村か、所持者の住所地の市区町村の窓口");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
    }

    @Test
    void refusedForAnAbolishedCard() {
        String card = newCard(OKUSHIRI);
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(card).update();
        assertThatThrownBy(() -> started(OKUSHIRI, startForm(card, "AGENT")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CARD_ABOLISHED"))
                .hasMessageContaining("廃止されているため").hasMessageContaining("新しいマイナンバーカードの交付を申請");
        // a suspended card is lifted first (the found card and a photo ID), then its PIN may be reset
        String suspended = newCard(OKUSHIRI);
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(suspended).update();
        assertThatThrownBy(() -> started(OKUSHIRI, startForm(suspended, "HOLDER")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CARD_SUSPENDED"))
                .hasMessageContaining("一時停止の解除を受けてください");
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(suspended).update();
        assertThatThrownBy(() -> started(OKUSHIRI, startForm("NO-SUCH-CARD", "HOLDER")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("登録されていません");
    }

    // ---- helpers ----

    /** The IPA font of Debian's fonts-ipafont-gothic: missing, the test skips loudly, or fails on CI. */
    static void requireFont() {
        if (!Files.isReadable(Path.of(FONT))) {
            String message = "*** " + FONT + " is missing: the 照会書 PDF cannot be written. Install it with: "
                    + "apt-get install fonts-ipafont-gothic ***";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
    }

    private void holderEmail(String card, String email) {
        String resident = cards.find(card).orElseThrow().holderResidentCode();
        emails.putIfAbsent(resident, jdbc.sql("select email from resident where resident_code = ?").param(resident)
                .query((rs, n) -> rs.getString(1)).list().get(0));
        jdbc.sql("update resident set email = ? where resident_code = ?").params(email, resident).update();
    }

    private void lock(String card) {
        String request = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        for (int i = 0; i < 3; i++) {
            pinRequests.submit(request, "1357");
        }
    }

    /** A PIN the policy accepts for this holder (not a guessable shape, not from the birth date). */
    private String goodPin(Card card) {
        return otherGoodPin(card, null);
    }

    private String otherGoodPin(Card card, String not) {
        LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(card.holderResidentCode()).query(LocalDate.class).single();
        PinPolicy policy = new PinPolicy();
        return Stream.of("5831", "3972", "6049", "7315").filter(p -> !p.equals(not))
                .filter(p -> policy.check(p, birth).accepted()).findFirst().orElseThrow();
    }

    private ProcessInstance started(String tenant, Map<String, Object> variables) {
        return ProcessTestSupport.startAsClerk(identityService, runtimeService, PROCESS, tenant, variables);
    }

    private static Map<String, Object> startForm(String cardNumber, String visitor) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("visitor", visitor);
        v.put("idDocument", "DRIVERS_LICENCE");
        return v;
    }

    private String newPinRequestId(ProcessInstance pi) {
        return (String) runtimeService.getVariable(pi.getId(), "newPinRequestId");
    }

    private boolean answerReceived(ProcessInstance pi) {
        return jdbc.sql("""
                select count(*) from pin_reset_inquiry where process_instance_id = ? and answer_received_at is not null""")
                .param(pi.getId()).query(Integer.class).single() == 1;
    }

    private CardEvent lastEvent(Card card) {
        List<CardEvent> events = cards.events(card.id());
        return events.get(events.size() - 1);
    }

    /**
     * The process's variables are exactly the known ones (ids, dates, the card and the clerk's answers) and none of them
     * is the PIN: a check by value, since a card number or an id may contain the same four digits by chance.
     */
    private void assertNoPinInHistory(ProcessInstance pi, String pin) {
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).isSubsetOf("cardNumber", "visitor",
                "idDocument", "agentName", "residentCode", "identityConfirmed", "inquiryNumber", "answerDeadline",
                "answerTimerAt", "inquiryPdfUrl", "holderEmail", "newPinRequestId", "newPinPadUrl", "pinRequestValidUntil", "newPinResult", "pinResetOutcome",
                "caseNumber", "caseName", "caseReceivedOn", "pinPurpose", "pinPad");
        for (HistoricVariableInstance v : variables) {
            assertThat(String.valueOf(v.getValue())).as(v.getName()).isNotEqualTo(pin);
        }
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                .allSatisfy(d -> assertThat(String.valueOf(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())).isNotEqualTo(pin));
    }
}
