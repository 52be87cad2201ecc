package jp.jukiflow.suspension;

import static jp.jukiflow.support.TestMailServer.mailTo;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.HAKODATE_CLERK;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.OKUSHIRI_CLERK;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static jp.jukiflow.suspension.SuspensionTestCards.suspensions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanged;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of "card-suspension" in 奥尻町: reported at the counter with a mail and found (発見・解除 on the clerks'
 * page), a phone report of a theft ended by the 廃止届 without a mail, a long suspension kept waiting once and then
 * abolished after the timer (mailed), 青苗支所's counter and a lift without mail, and the refusals (a card already
 * 廃止 or returned or suspended, another municipality's card, the counter after hours). The 24-hour API has its own
 * test ({@link CardSuspensionApiTest}); clerks racing to lift and abolish are in {@link CardSuspensionConcurrencyTest}.
 */
@ProcessUnderTest("card-suspension")
@RecordApplicationEvents
class CardSuspensionProcessTest extends ProcessTestFixture {

    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
    }

    @AfterEach
    void retireTestCards() {
        identityService.clearAuthentication();
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void reportedAtTheCounterTheCardIsSuspendedAtOnceAndLiftedWhenFound() throws Exception {
        String card = newCard(CardType.MY_NUMBER);
        Map<String, Object> form = report(card, "LOSS");
        form.put("lostOn", "2026-11-25");
        form.put("residentEmail", "lost@test.example");
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, form);

        // suspended in the transaction of the start, before any job ran
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        String number = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");
        assertThat(number).matches("S-013676-2026-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(number);
        assertThat(pi).hasPassed("Event_SuspensionReported", "Task_SuspendCard", "Gateway_AfterSuspension")
                .isWaitingAt("Task_MailSuspended", "Task_ConfirmSuspension");
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).list())
                .extracting(s -> s.getEventName()).contains("CardSuspensionLifted", "CardAbolitionFiled");
        CardEvent suspended = lastEvent(card);
        assertThat(suspended.eventType()).isEqualTo(CardStatusChanges.EVENT_SUSPENDED);
        assertThat(suspended.fromStatus()).isEqualTo(CardStatus.ACTIVE);
        assertThat(suspended.toStatus()).isEqualTo(CardStatus.SUSPENDED);
        assertThat(suspended.reason()).contains("紛失", number);
        assertThat(suspended.actor()).isEqualTo(OKUSHIRI_CLERK);
        assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardNumber().equals(card)))
                .singleElement().satisfies(e -> {
                    assertThat(e.from()).isEqualTo(CardStatus.ACTIVE);
                    assertThat(e.to()).isEqualTo(CardStatus.SUSPENDED);
                    assertThat(e.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
                });
        assertThat(jdbc.sql("select * from card_suspension where suspension_number = ?").param(number).query()
                .singleRow()).containsEntry("STATUS", "SUSPENDED").containsEntry("CHANNEL", "COUNTER")
                .containsEntry("REASON", "LOSS").containsEntry("CARD_NUMBER", card)
                .containsEntry("REPORTED_BY", OKUSHIRI_CLERK);

        // 「一時停止の確認」 is due at the close of the next open day (Friday 2026-11-27 17:15 JST)
        Task confirm = task(pi);
        assertThat(confirm).hasName("一時停止の確認").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(confirm.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:15:00+09:00").toInstant());

        // the reporter's mail carries the suspension number
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Gateway_MailSuspended", "Task_MailSuspended", "End_SuspensionMailed");
        MimeMessage mail = mailTo("lost@test.example");
        assertThat(mail.getSubject()).contains("【奥尻町】", "一時停止しました", number);
        assertThat((String) mail.getContent()).contains(number, "紛失", "警察", "写真付きの本人確認書類");

        // the clerk's check: identity, and for a loss the police 受理番号
        String taskId = confirm.getId();
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("reporterIdentityConfirmed", false)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("本人確認");
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("reporterIdentityConfirmed", true)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("警察の受理番号が必要");
        assertThatThrownBy(() -> taskService.complete(taskId,
                Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", "受理済み")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("数字");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        complete(task(pi), Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", "第２０２６－０００１２３号"));
        assertThat(pi).hasPassed("Task_RecordConfirmation", "End_Confirmed");
        assertThat(runtimeService.getVariable(pi.getId(), "policeReceiptNumber")).isEqualTo("2026-000123");
        assertThat(jdbc.sql("select police_receipt_number from card_suspension where suspension_number = ?")
                .param(number).query(String.class).single()).isEqualTo("2026-000123");

        // found: lifted at the counter on the clerks' page, never without the card and a photo ID
        mvc.perform(get("/staff/card-suspensions").param("q", card).with(loggedIn(OKUSHIRI_CLERK)))
                .andExpect(redirectedUrl("/staff/card-suspensions/" + number));
        mvc.perform(post("/staff/card-suspensions/" + number + "/lift").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("identityDocument", "運転免許証"))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("カードを窓口で提示")));
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        mvc.perform(post("/staff/card-suspensions/" + number + "/lift").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("cardPresented", "true").param("identityDocument", "運転免許証"))
                .andExpect(redirectedUrl("/staff/card-suspensions/" + number + "?done=lifted"));
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        CardEvent lifted = lastEvent(card);
        assertThat(lifted.eventType()).isEqualTo(CardStatusChanges.EVENT_SUSPENSION_LIFTED);
        assertThat(lifted.detail()).contains("運転免許証");
        assertThat(pi).hasPassed("Event_CardFound", "Task_LiftSuspension", "Gateway_MailLifted")
                .isWaitingAt("Task_MailLifted");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailLifted", "End_Lifted").isEnded();
        assertThat(pi).variables().containsEntry("suspensionOutcome", "LIFTED");
        assertThat(mailTo("lost@test.example", "解除").getSubject()).contains("一時停止を解除しました", number);
        assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardNumber().equals(card))
                .map(CardStatusChanged::to)).containsExactly(CardStatus.SUSPENDED, CardStatus.ACTIVE);

        // a second click (or a colleague) is refused with the reason, nothing changes
        mvc.perform(post("/staff/card-suspensions/" + number + "/abolish").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("identityDocument", "運転免許証"))
                .andExpect(status().isConflict()).andExpect(content().string(org.hamcrest.Matchers.containsString("解除済み")));
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        mvc.perform(get("/staff/card-suspensions/" + number).with(loggedIn(HAKODATE_CLERK)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTheftReportedByPhoneEndsWithTheAbolitionAndTheCardStaysUnusable() throws Exception {
        String card = newCard(CardType.MY_NUMBER);
        Map<String, Object> form = report(card, "THEFT");
        form.put("channel", "PHONE");
        form.put("policeReceiptNumber", "0123-45678");
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, form);
        String number = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        assertThat(pi).hasPassed("Gateway_MailSuspended", "End_SuspensionMailed").hasNotPassed("Task_MailSuspended");
        complete(task(pi), Map.of("reporterIdentityConfirmed", true));
        assertThat(pi).hasPassed("End_Confirmed");

        mvc.perform(post("/staff/card-suspensions/" + number + "/abolish").with(loggedIn(OKUSHIRI_CLERK)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        mvc.perform(post("/staff/card-suspensions/" + number + "/abolish").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("identityDocument", "マイナンバーカード以外の写真付き身分証（パスポート）"))
                .andExpect(redirectedUrl("/staff/card-suspensions/" + number + "?done=abolished"));
        assertThat(pi).hasPassed("Event_AbolitionFiled", "Gateway_Abolish", "Task_AbolishCard", "Gateway_MailAbolished",
                "End_Abolished").hasNotPassed("Task_MailAbolished").isEnded();
        assertThat(pi).variables().containsEntry("suspensionOutcome", "ABOLISHED");
        assertThat(status(jdbc, card)).isEqualTo("ABOLISHED");
        assertThat(lastEvent(card).eventType()).isEqualTo(CardStatusChanges.EVENT_ABOLISHED);
        assertThat(lastEvent(card).reason()).contains("廃止届", number);
        assertThat(TestMailServer.received()).isEmpty();
        assertThat(events.stream(CardStatusChanged.class).filter(e -> e.cardNumber().equals(card))
                .map(CardStatusChanged::to)).containsExactly(CardStatus.SUSPENDED, CardStatus.ABOLISHED);

        // found later: it stays abolished; lifting is refused, and so is a new suspension
        mvc.perform(post("/staff/card-suspensions/" + number + "/lift").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("cardPresented", "true").param("identityDocument", "運転免許証"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("見つかっても再び使うことはできません")));
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, report(card, "LOSS")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("既に廃止されています")
                .satisfies(e -> assertThat(((DomainRuleViolation) e).code()).isEqualTo("CARD_ABOLISHED"));
        assertThat(status(jdbc, card)).isEqualTo("ABOLISHED");
        assertThat(suspensions(jdbc, card)).isEqualTo(1);
    }

    @Test
    void aLongSuspensionIsCheckedKeptWaitingOnceAndAbolishedAfterTheTimer() throws Exception {
        String card = newCard(CardType.MY_NUMBER);
        Map<String, Object> form = report(card, "DAMAGE");
        form.put("residentEmail", "long@test.example");
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, form);
        String number = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");
        executeDueJobs(pi);
        complete(task(pi), Map.of("reporterIdentityConfirmed", true));   // 破損: no police number needed
        assertThat(pi).hasPassed("End_Confirmed");

        // the timer waits the configured 30 days
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(30).minusMinutes(5), Duration.ofDays(30).plusMinutes(5));
        fireTimer(pi, "Event_LongSuspension");
        assertThat(pi).isWaitingAt("Task_CheckLongSuspension");
        assertThat(task(pi)).hasName("長期停止の確認").hasCandidateGroup(OKUSHIRI + "-clerks");

        // while the clerk decides, the counter is told to finish that task first
        mvc.perform(post("/staff/card-suspensions/" + number + "/lift").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("cardPresented", "true").param("identityDocument", "運転免許証"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("長期停止の確認")));
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");

        complete(task(pi), Map.of("longSuspensionDecision", "WAIT", "closingNote", "電話で連絡、探している"));
        assertThat(pi).hasPassed("Gateway_LongDecision", "Gateway_Waiting").isNotEnded();
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        fireTimer(pi, "Event_LongSuspension");
        complete(task(pi), Map.of("longSuspensionDecision", "ABOLISH", "closingNote", "本人の意思を電話で確認"));
        assertThat(status(jdbc, card)).isEqualTo("ABOLISHED");
        assertThat(lastEvent(card).reason()).contains("長期停止の確認により廃止", number);
        assertThat(lastEvent(card).detail()).contains("本人の意思を電話で確認");
        assertThat(pi).hasPassed("Gateway_Abolish", "Task_AbolishCard").isWaitingAt("Task_MailAbolished");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailAbolished", "End_Abolished").isEnded();
        assertThat(pi).variables().containsEntry("suspensionOutcome", "ABOLISHED");
        MimeMessage mail = mailTo("long@test.example", "廃止");
        assertThat(mail.getSubject()).contains("カードを廃止しました", number);
        assertThat((String) mail.getContent()).contains("破損", "電子証明書も失効");
    }

    @Test
    void aonaeBranchAcceptsTheReportAndAFoundCardIsLiftedWithoutMail() throws Exception {
        String card = newCard(CardType.MY_NUMBER);
        Map<String, Object> form = report(card, "OTHER");
        form.put("officeId", "okushiri-aonae");
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, form)).isInstanceOf(jp.jukiflow.shared.InvalidInput.class)
                .hasMessageContaining("「その他」");
        form.put("reasonDetail", "洗濯してしまい読み取れない");
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, form);
        String number = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");
        assertThat(jdbc.sql("select office_id from card_suspension where suspension_number = ?").param(number)
                .query(String.class).single()).isEqualTo("okushiri-aonae");
        mvc.perform(post("/staff/card-suspensions/" + number + "/lift").with(loggedIn(OKUSHIRI_CLERK)).with(csrf())
                        .param("cardPresented", "true").param("identityDocument", "パスポート"))
                .andExpect(redirectedUrl("/staff/card-suspensions/" + number + "?done=lifted"));
        assertThat(pi).hasPassed("Task_LiftSuspension", "End_Lifted").hasNotPassed("Task_MailLifted")
                .isWaitingAt("Task_ConfirmSuspension");
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        // the check stays a duty after the card came back
        complete(task(pi), Map.of("reporterIdentityConfirmed", true));
        assertThat(pi).isEnded();
    }

    @Test
    void aCardAlreadyAbolishedReturnedOrSuspendedIsRefusedWithTheReason() {
        String returned = newCard(CardType.MY_NUMBER);
        jdbc.sql("update card set status = 'RETURNED' where card_number = ?").param(returned).update();
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, report(returned, "LOSS")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("既に返納されています")
                .satisfies(e -> assertThat(((DomainRuleViolation) e).code()).isEqualTo("CARD_RETURNED"));
        assertThat(status(jdbc, returned)).isEqualTo("RETURNED");
        assertThat(suspensions(jdbc, returned)).isZero();

        String abolished = newCard(CardType.MY_NUMBER);
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(abolished).update();
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, report(abolished, "THEFT")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("既に廃止されています");
        assertThat(suspensions(jdbc, abolished)).isZero();

        String card = newCard(CardType.MY_NUMBER);
        ProcessInstance first = startAsDemoClerk(OKUSHIRI, report(card, "LOSS"));
        String number = (String) runtimeService.getVariable(first.getId(), "suspensionNumber");
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, report(card, "LOSS")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining(number);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(instances);
        assertThat(suspensions(jdbc, card)).isEqualTo(1);
    }

    @Test
    void anotherMunicipalitysCardAndTheCounterAfterHoursAreRefused() {
        String card = newCard(CardType.MY_NUMBER);
        assertThatThrownBy(() -> startAsDemoClerk(HAKODATE, report(card, "LOSS")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("奥尻町が管理しています");
        TestClock testClock = TestClock.of(clock);
        // Thursday 18:00 JST: the counter is closed; a phone report typed by a clerk is taken
        assertThatThrownBy(() -> testClock.at(Instant.parse("2026-11-26T09:00:00Z"),
                () -> startAsDemoClerk(OKUSHIRI, report(card, "LOSS"))))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("受付時間外");
        assertThat(status(jdbc, card)).isEqualTo("ACTIVE");
        Map<String, Object> phone = report(card, "LOSS");
        phone.put("channel", "PHONE");
        ProcessInstance pi = testClock.at(Instant.parse("2026-11-26T09:00:00Z"), () -> startAsDemoClerk(OKUSHIRI, phone));
        assertThat(status(jdbc, card)).isEqualTo("SUSPENDED");
        assertThat((String) runtimeService.getVariable(pi.getId(), "suspendedAt")).isEqualTo("2026-11-26 18:00");
        assertThatThrownBy(() -> startAsDemoClerk(OKUSHIRI, report("SU-NO-SUCH-CARD", "LOSS")))
                .isInstanceOf(jp.jukiflow.shared.ResourceNotFound.class).hasMessageContaining("登録されていません");
    }

    // ---- helpers ----

    private String newCard(CardType type) {
        return SuspensionTestCards.newCard(cards, jdbc, pinHasher, type);
    }


    static Map<String, Object> report(String cardNumber, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("channel", "COUNTER");
        v.put("cardNumber", cardNumber);
        v.put("suspensionReason", reason);
        v.put("reporterName", "奥尻 花子");
        v.put("reporterRelation", "本人");
        v.put("reporterPhone", "01397-2-0000");
        return v;
    }

    /** The card's own last event (the certificates' JPKI_* events that follow it left out). */
    private CardEvent lastEvent(String cardNumber) {
        List<CardEvent> list = cards.events(cards.find(cardNumber).orElseThrow().id()).stream()
                .filter(e -> !e.eventType().startsWith("JPKI_")).toList();
        return list.get(list.size() - 1);
    }
}
