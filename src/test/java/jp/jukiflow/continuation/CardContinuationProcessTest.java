package jp.jukiflow.continuation;

import static jp.jukiflow.continuation.ContinuationTestCards.PIN;
import static jp.jukiflow.support.TestMailServer.mailTo;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of "card-continuation" in 函館市 for cards of 奥尻町 brought along on a special transfer-in: continued
 * on day 90 with a mail, continued with a last day rolled over a weekend without a mail, refused on day 91 and after a
 * last day rolled over a weekend and a holiday (mailed), refused for a locked PIN, and counters refusing the start (an
 * office that does not take it, after hours: no instance, no history, no case counted; called by the transfer-in the
 * counter is not checked again, see {@code TransferInWithCardProcessTest}). The clock is pinned to Thursday 2026-11-26
 * 10:00 JST (Wednesday 11-25 is open, so no 転入届 date makes today a rolled last day: the roll making the difference is
 * tested in {@link CardContinuationsTest}).
 */
@ProcessUnderTest("card-continuation")
class CardContinuationProcessTest extends ProcessTestFixture {

    static final String NEW_ADDRESS = "北海道函館市五稜郭町1番1号";

    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardContinuations continuations;
    @Autowired
    PinHasher pinHasher;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
    }

    @AfterEach
    void retireTestCards() {
        ContinuationTestCards.retireAll(jdbc);
    }

    @Test
    void continuedOnDay90WritesTheAddressMovesTheCardAndMailsTheResident() throws Exception {
        // 転入届 2026-08-28 + 90 days = Thursday 2026-11-26 (open): today is the last day
        String card = pendingCard(LocalDate.of(2026, 8, 28), 4);
        Map<String, Object> form = startForm(card);
        form.put("residentEmail", "continued@test.example");
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        assertThat(pi).hasPassed("Event_ContinuationFiled", "Task_CheckCounter", "Task_OpenPinRequest")
                .isWaitingAt("Task_ConfirmPin");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        pinRequests.submit(pinRequestId(pi), PIN);
        complete(task(pi));

        assertThat(pi).hasPassed("Task_CheckContinuation", "Rule_DecideEligibility").isWaitingAt("Task_WriteEndorsement");
        assertThat(pi).variables().containsEntry("pinResult", "OK").containsEntry("cardState", "VALID")
                .containsEntry("specialTransferIn", true).containsEntry("withinNinetyDays", true)
                .containsEntry("freeLines", 4).containsEntry("abroad", false).containsEntry("eligible", true)
                .containsEntry("transferInDate", "2026-08-28").containsEntry("lastDayForContinuation", "2026-11-26")
                .doesNotContainValue(PIN);
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks").hasName("追記欄への記載");
        Card before = cards.find(card).orElseThrow();
        assertThat(runtimeService.getVariable(pi.getId(), "residentCode")).isEqualTo(before.holderResidentCode());

        // completing without confirming the writing is refused and changes nothing
        String taskId = task(pi).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("endorsementWritten", false)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("追記欄");
        assertThat(cards.find(card).orElseThrow().managingMunicipalityCode()).isEqualTo(OKUSHIRI);

        complete(task(pi), Map.of("endorsementWritten", true));
        assertThat(pi).hasPassed("Task_ApplyContinuation", "Gateway_MailContinued").isWaitingAt("Task_MailContinued");
        Card after = cards.find(card).orElseThrow();
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(after.freeEndorsementLines()).isEqualTo(3);
        assertThat(after.status()).isEqualTo(jp.jukiflow.card.CardStatus.ACTIVE);
        CardEvent event = lastEvent(after);
        assertThat(event.eventType()).isEqualTo(CardContinuations.EVENT_CONTINUED);
        assertThat(event.detail()).contains(NEW_ADDRESS);
        assertThat(event.reason()).contains(OKUSHIRI, HAKODATE);
        assertThat(continuations.history(card)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED));

        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailContinued", "End_Continued").isEnded();
        assertThat(pi).variables().containsEntry("continuationOutcome", "CONTINUED");
        MimeMessage mail = mailTo("continued@test.example");
        assertThat(mail.getSubject()).contains("【函館市】", "継続利用の手続きが完了しました");
        assertThat(((String) mail.getContent())).contains(NEW_ADDRESS, "函館市がカードを管理します");
    }

    @Test
    void continuedWithALastDayRolledOverTheWeekendAndNoMailAddress() {
        // 転入届 2026-08-30 + 90 days = Saturday 2026-11-28: the last day rolls to Monday 2026-11-30
        String card = pendingCard(LocalDate.of(2026, 8, 30), 1);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(card));
        pinRequests.submit(pinRequestId(pi), PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("lastDayForContinuation", "2026-11-30")
                .containsEntry("eligible", true).containsEntry("freeLines", 1);
        complete(task(pi), Map.of("endorsementWritten", true));
        assertThat(pi).hasPassed("Task_ApplyContinuation", "End_Continued").hasNotPassed("Task_MailContinued").isEnded();
        assertThat(pi).variables().containsEntry("continuationOutcome", "CONTINUED");
        Card after = cards.find(card).orElseThrow();
        assertThat(after.freeEndorsementLines()).isZero();
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(TestMailServer.received()).isEmpty();
    }

    @Test
    void refusedOnDay91AndTheReasonIsMailed() throws Exception {
        // 転入届 2026-08-27 + 90 days = Wednesday 2026-11-25 (open): today is day 91
        String card = pendingCard(LocalDate.of(2026, 8, 27), 4);
        Map<String, Object> form = startForm(card);
        form.put("residentEmail", "day91@test.example");
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        pinRequests.submit(pinRequestId(pi), PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("withinNinetyDays", false).containsEntry("eligible", false)
                .containsEntry("lastDayForContinuation", "2026-11-25");
        assertThat(pi).isWaitingAt("Task_ExplainRefusal");
        assertThat(task(pi)).hasName("継続利用できない旨の説明").hasCandidateGroup(HAKODATE + "-clerks");
        String reason = (String) runtimeService.getVariable(pi.getId(), "continuationReason");
        assertThat(reason).contains("90日を過ぎた");
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_MailRefused");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailRefused", "End_Refused").isEnded();
        assertThat(pi).variables().containsEntry("continuationOutcome", "REFUSED");
        assertThat(cards.find(card).orElseThrow().managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(continuations.pending(card)).isPresent();
        MimeMessage mail = mailTo("day91@test.example");
        assertThat(mail.getSubject()).contains("継続利用ができませんでした");
        assertThat(((String) mail.getContent())).contains(reason);
    }

    @Test
    void refusedAfterALastDayRolledOverTheWeekendAndTheHoliday() {
        // 転入届 2026-08-24 + 90 days = Sunday 2026-11-22; Monday 11-23 is 勤労感謝の日: the last day is Tuesday 11-24
        String card = pendingCard(LocalDate.of(2026, 8, 24), 4);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(card));
        pinRequests.submit(pinRequestId(pi), PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("lastDayForContinuation", "2026-11-24")
                .containsEntry("withinNinetyDays", false).containsEntry("eligible", false);
        complete(task(pi));
        assertThat(pi).hasPassed("End_Refused").hasNotPassed("Task_MailRefused").isEnded();
    }

    @Test
    void aLockedPinIsRefusedWithTheAdviceToResetItFirst() {
        String card = pendingCard(LocalDate.of(2026, 10, 1), 4);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(card));
        String request = pinRequestId(pi);
        pinRequests.submit(request, "1357");
        pinRequests.submit(request, "1357");
        pinRequests.submit(request, "1357");
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "LOCKED").containsEntry("eligible", false)
                .containsEntry("withinNinetyDays", true).containsEntry("specialTransferIn", true);
        assertThat((String) runtimeService.getVariable(pi.getId(), "continuationReason")).contains("暗証番号を再設定");
        assertThat(pi).isWaitingAt("Task_ExplainRefusal");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Refused").hasNotPassed("Task_MailRefused").isEnded();
        assertThat(pi).variables().containsEntry("continuationOutcome", "REFUSED");
        assertThat(cards.find(card).orElseThrow().managingMunicipalityCode()).isEqualTo(OKUSHIRI);
    }

    @Test
    void aCardNotBroughtOnASpecialTransferInHereIsRefused() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(card));
        pinRequests.submit(pinRequestId(pi), PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("specialTransferIn", false).containsEntry("eligible", false);
        assertThat((String) runtimeService.getVariable(pi.getId(), "continuationReason")).contains("特例転入");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Refused").isEnded();
    }

    /** A refused start leaves nothing: no instance, no history, no case for the dashboard, the reason in Japanese. */
    @Test
    void aCounterThatDoesNotAcceptItRefusesTheStart() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        Map<String, Object> form = startForm(card);
        form.put("officeId", "okushiri-aonae");
        Traces before = traces();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, form)).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("COUNTER_NOT_ACCEPTING");
            assertThat(e.messageJa()).isEqualTo(
                    "奥尻町役場 青苗支所ではカードの継続利用を受け付けていません。奥尻町役場 本庁の窓口をご案内ください。");
        });
        assertThat(traces()).isEqualTo(before);
        assertThat(pinRequestsOf(card)).isZero();
    }

    @Test
    void afterHoursTheCounterRefusesTheStart() {
        String card = pendingCard(LocalDate.of(2026, 11, 25), 4);
        Traces before = traces();
        // Thursday 18:00 JST
        assertThatThrownBy(() -> TestClock.of(clock).at(Instant.parse("2026-11-26T09:00:00Z"),
                () -> startAsClerk(HAKODATE, startForm(card)))).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("COUNTER_CLOSED");
                    assertThat(e.messageJa()).isEqualTo("函館市役所 本庁舎の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。");
                });
        assertThat(traces()).isEqualTo(before);
        assertThat(pinRequestsOf(card)).isZero();
    }

    // ---- helpers ----

    private long pinRequestsOf(String card) {
        return jdbc.sql("select count(*) from pin_request where card_number = ?").param(card).query(Long.class).single();
    }

    private String pendingCard(LocalDate transferInDate, int freeLines) {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, freeLines);
        continuations.recordPending(card, HAKODATE, transferInDate, "test:" + card);
        return card;
    }

    private static Map<String, Object> startForm(String cardNumber) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("newAddress", NEW_ADDRESS);
        v.put("abroad", false);
        return v;
    }

    private String pinRequestId(ProcessInstance pi) {
        return (String) variable(pi, "pinRequestId");
    }

    private CardEvent lastEvent(Card card) {
        List<CardEvent> events = cards.events(card.id());
        return events.get(events.size() - 1);
    }
}
