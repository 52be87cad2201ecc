package jp.jukiflow.transferin;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.ProcessTestSupport.fireTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.jpki.CardCertificate;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.CertificateKind;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.ProcessTestSupport;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of "transfer-in-with-card" in 函館市 for people who moved out of 奥尻町 by mail: the special route
 * closing the origin's case with the 転入通知, with the card's continuation (called process card-continuation)
 * continued or refused for a full 追記欄 and reported in the completion mail, or not wanted, a continuation called after
 * closing time, a locked PIN, an expired JUKI card, counters refusing the start (an office that does not take it, after
 * hours, on a Sunday and a holiday: no instance, no history, no case counted), a bad mail address, and a 転出証明書情報 that has not arrived: requested from
 * the origin over Juki-net (in-process transport) and arriving by message, re-sent by the origin after the clerk asks
 * again, never arriving (switch to the ordinary transfer-in), or impossible to request. The mails go to GreenMail.
 * The clock is pinned to Thursday 2026-11-26 10:00 JST (moved for a moment by {@link TestClock} where a test says so).
 */
@JukiflowTest
class TransferInWithCardProcessTest {

    static final String PROCESS = "transfer-in-with-card";
    static final String OKUSHIRI = "013676";
    static final String HAKODATE = "012025";
    static final String DEMO_PIN = "2468";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    TransferOutIntake intake;
    @Autowired
    CaseRegistry cases;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    ResidentRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    Clock clock;
    @Autowired
    CardCertificates certificates;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardContinuations continuations;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    JukinetGateway gateway;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identityService.clearAuthentication();
    }

    @Test
    void specialTransferInRegistersTheMoversAndClosesTheOriginsCase() {
        Person p = personWithValidMyNumberCard(0);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "special");
        String receipt = out.getBusinessKey();
        assertThat(expectedMoveIns.find(receipt)).isPresent();
        // the certificate carries the card as it presents itself (here the same row both towns share)
        assertThat(expectedMoveIns.find(receipt).orElseThrow().certificate().card().number()).isEqualTo(p.card);

        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", receipt);
        form.put("continuationWanted", false);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).hasPassed("Event_TransferInFiled", "Task_CheckCounter", "Task_OpenPinRequest")
                .isWaitingAt("Task_ConfirmPin");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        String pinRequestId = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        assertThat(runtimeService.getVariable(pi.getId(), "pinPadUrl")).isEqualTo("/staff/pin-pad/" + pinRequestId);
        assertThat(runtimeService.getVariable(pi.getId(), "pinRequestValidUntil")).isEqualTo("11月26日 10:10 まで");
        pinRequests.submit(pinRequestId, DEMO_PIN);
        complete(task(pi));

        assertThat(pi).hasPassed("Task_CheckTransferIn", "Rule_DecideRoute").isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("pinResult", "OK").containsEntry("cardState", "VALID")
                .containsEntry("certificateInfo", "RECEIVED").containsEntry("withinDeadline", true)
                .containsEntry("filedLate", false).containsEntry("route", "SPECIAL")
                .containsEntry("lastDayForTransferIn", "2026-12-09")
                .doesNotContainValue(DEMO_PIN);
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_RegisterMovers", "Task_SendMoveInNotice", "Gateway_ContinuationWanted",
                        "Gateway_ContinuationDone", "End_Registered").isEnded()
                .hasNotPassed("Task_CardContinuation", "Task_MailRegistered");
        assertThat(pi).variables().doesNotContainKey("continuationOutcome");
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(resident(p.code)).containsEntry("MUNICIPALITY_CODE", HAKODATE).containsEntry("STATUS", "RESIDENT")
                .containsEntry("ADDRESS", "北海道函館市五稜郭町1番1号");
        assertThat(register.events(ResidentCode.of(p.code))).contains(ResidentRegister.EVENT_TRANSFER_IN);

        executeDueJobs(management, out);
        assertThat(out).hasPassed("Task_FinalizeMoveOut").isEnded();
        assertThat(cases.find(receipt).orElseThrow().statusCode()).isEqualTo("COMPLETED");
        // the move-out lapses the signature certificate (署名用); the user certificate (利用者証明用) stays valid
        assertThat(certificates.certificatesOf(cards.find(p.card).orElseThrow().id()))
                .extracting(CardCertificate::kind, CardCertificate::status).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.SIGNATURE, CertificateStatus.LAPSED),
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.USER_AUTH, CertificateStatus.VALID));
        assertThat(resident(p.code)).containsEntry("STATUS", "RESIDENT").containsEntry("MUNICIPALITY_CODE", HAKODATE);
        // one deployment: nothing imported, the shared card notes the hand-over
        Card card = cards.find(p.card).orElseThrow();
        assertThat(cards.events(card.id())).extracting(CardEvent::eventType)
                .doesNotContain(PresentedCards.EVENT_IMPORTED).containsOnlyOnce(PresentedCards.EVENT_HANDED_OVER);
    }

    @Test
    void wrongPinThreeTimesLocksTheCardEvenIfTheRightOneFollows() {
        Person p = personWithValidMyNumberCard(2);
        ProcessInstance pi = started(HAKODATE, startForm(p.card));
        String pinRequestId = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        pinRequests.submit(pinRequestId, "1357");
        pinRequests.submit(pinRequestId, "1357");
        pinRequests.submit(pinRequestId, "1357");
        assertThatThrownBy(() -> pinRequests.submit(pinRequestId, DEMO_PIN)).hasMessageContaining("終わっています");
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "LOCKED").containsEntry("route", "ORDINARY");
        assertThat((String) runtimeService.getVariable(pi.getId(), "pinResultLabel")).startsWith("暗証番号がロックされています");
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("暗証番号");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Ordinary").hasNotPassed("Task_MailOrdinary").isEnded();
    }

    @Test
    void expiredJukiCardGivesTheOrdinaryRoute() throws Exception {
        String card = jdbc.sql("""
                select c.card_number from card c join resident r on r.resident_code = c.resident_code
                where r.municipality_code = '013676' and c.card_type = 'JUKI' order by c.card_number""")
                .query(String.class).list().get(3);
        Map<String, Object> form = startForm(card);
        String email = "juki-" + card + "@test.example";
        form.put("email", email);
        ProcessInstance pi = started(HAKODATE, form);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat(pi).variables().containsEntry("cardState", "EXPIRED").containsEntry("pinResult", "NOT_ENTERED")
                .containsEntry("route", "ORDINARY");
        // what the clerk reads on 「通常転入への切替」: words, not the decision's codes
        assertThat(pi).variables().containsEntry("cardStateLabel", "有効期限切れ")
                .containsEntry("pinResultLabel", "暗証番号が入力されませんでした（入力の有効期限切れを含む）。");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("有効期限", "転出証明書");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailOrdinary", "End_Ordinary").isEnded();
        assertThat(body(singleMailTo(email))).contains("カードの有効期限が切れているため", "紙の「転出証明書」が必要です",
                "転出元の市区町村の窓口で、転出証明書の交付を受けてください");
    }

    @Test
    void aSuspendedCardGivesTheOrdinaryRouteWithTheReason() {
        Person p = freshPerson();
        ProcessInstance out = transferOutWaitingForMoveIn(p, "suspended");
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(p.card).update();
        try {
            Map<String, Object> form = startForm(p.card);
            form.put("originReceiptNumber", out.getBusinessKey());
            ProcessInstance pi = started(HAKODATE, form);
            complete(task(pi));
            assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
            assertThat(pi).variables().containsEntry("cardState", "SUSPENDED").containsEntry("route", "ORDINARY")
                    .containsEntry("certificateInfo", "RECEIVED");
            assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("一時停止中", "転出証明書");
            complete(task(pi));
            assertThat(pi).hasPassed("End_Ordinary").hasNotPassed("Task_RecordTransferIn").isEnded();
            assertThat(resident(p.code)).containsEntry("MUNICIPALITY_CODE", OKUSHIRI);
        } finally {
            jdbc.sql("update card set status = 'ACTIVE' where card_number = ?").param(p.card).update();
            runtimeService.deleteProcessInstance(out.getId(), "test");
        }
    }

    /**
     * Planned move-out 2026-12-03 (+30 days: 2027-01-02, 年末年始) and moved in 2026-12-18 (+14 days: 2027-01-01, 元日):
     * the earlier day is 元日, a holiday, so the last day rolls over 元日 and 1/2–1/3 to Monday 2027-01-04. Filed on that
     * Monday the special transfer-in is in time; filed a day later it is late and goes the ordinary way.
     */
    @Test
    void theLastDayOnAHolidayRollsToTheNextOpenDayAndADayLaterIsTooLate() {
        TestClock testClock = TestClock.of(clock);
        Person onTime = freshPerson();
        Person late = freshPerson();
        ProcessInstance outOnTime = transferOutWaitingForMoveIn(onTime, "holiday-on-time");
        ProcessInstance outLate = transferOutWaitingForMoveIn(late, "holiday-late");

        ProcessInstance inTime = testClock.at(Instant.parse("2027-01-04T01:00:00Z"),
                () -> checkedAfterPin(onTime, outOnTime.getBusinessKey(), "2026-12-18"));
        assertThat(inTime).variables().containsEntry("lastDayForTransferIn", "2027-01-04")
                .containsEntry("withinDeadline", true).containsEntry("route", "SPECIAL");
        assertThat(inTime).isWaitingAt("Task_RecordTransferIn");

        ProcessInstance tooLate = testClock.at(Instant.parse("2027-01-05T01:00:00Z"),
                () -> checkedAfterPin(late, outLate.getBusinessKey(), "2026-12-18"));
        assertThat(tooLate).variables().containsEntry("lastDayForTransferIn", "2027-01-04")
                .containsEntry("withinDeadline", false).containsEntry("cardState", "VALID")
                .containsEntry("pinResult", "OK").containsEntry("route", "ORDINARY");
        assertThat(tooLate).isWaitingAt("Task_SwitchToOrdinary");
        assertThat((String) runtimeService.getVariable(tooLate.getId(), "routeReason")).contains("期限", "過ぎて");

        for (ProcessInstance pi : List.of(inTime, tooLate, outOnTime, outLate)) {
            runtimeService.deleteProcessInstance(pi.getId(), "test");
        }
    }

    /** Starts the special transfer-in for p with the origin's receipt, enters the right PIN and completes the PIN task. */
    private ProcessInstance checkedAfterPin(Person p, String receipt, String movedInDate) {
        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", receipt);
        form.put("movedInDate", movedInDate);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        return pi;
    }

    /** A refused start leaves nothing: no instance, no history, no case for the dashboard, the reason in Japanese. */
    @Test
    void aCounterThatDoesNotAcceptItRefusesTheStart() {
        Person p = personWithValidMyNumberCard(6);
        Map<String, Object> form = startForm(p.card);
        form.put("officeId", "okushiri-aonae");
        Traces before = traces();
        assertThatThrownBy(() -> started(OKUSHIRI, form)).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("COUNTER_NOT_ACCEPTING");
            assertThat(e.messageJa()).isEqualTo("奥尻町役場 青苗支所では特例転入を受け付けていません。奥尻町役場 本庁の窓口をご案内ください。");
        });
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void afterHoursOnASundayAndOnAHolidayTheCounterRefusesTheStart() {
        Person p = personWithValidMyNumberCard(1);
        TestClock testClock = TestClock.of(clock);
        Traces before = traces();
        Map<String, Object> form = startForm(p.card);
        // moved in before each of these days (a move-in after the filing day is refused for itself)
        form.put("movedInDate", "2026-11-20");
        // Thursday 18:00 JST, Sunday 10:00 JST, 勤労感謝の日 (Monday 2026-11-23) 10:00 JST
        for (String at : List.of("2026-11-26T09:00:00Z", "2026-11-29T01:00:00Z", "2026-11-23T01:00:00Z")) {
            assertThatThrownBy(() -> testClock.at(Instant.parse(at), () -> started(HAKODATE, form)))
                    .as(at).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("COUNTER_CLOSED");
                        assertThat(e.messageJa()).isEqualTo("函館市役所 本庁舎の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。");
                    });
            assertThat(traces()).as(at).isEqualTo(before);
        }
        // back at Thursday 10:00 the same filing is accepted
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        ProcessInstance open = started(HAKODATE, startForm(p.card));
        assertThat(open).hasPassed("Task_CheckCounter").isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(open.getId(), "test");
    }

    /**
     * The 転入通知 goes out in a job, here after closing time, and calls the continuation then: the called instance does
     * not check the counter again (the resident filed at the counter the transfer-in checked) and asks for the PIN.
     */
    @Test
    void aContinuationCalledAfterClosingTimeIsNotRefusedByTheCounter() {
        Person p = freshPerson();
        ProcessInstance out = transferOutWaitingForMoveIn(p, "after-closing");
        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", out.getBusinessKey());
        ProcessInstance pi = started(HAKODATE, form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        // Thursday 18:00 JST: the counter is closed when the job sends the notice and calls the continuation
        TestClock.of(clock).at(Instant.parse("2026-11-26T09:00:00Z"), () -> {
            executeDueJobs(management, pi);
            return null;
        });
        assertThat(pi).hasPassed("Task_SendMoveInNotice").isWaitingAt("Task_CardContinuation");
        ProcessInstance continuation = calledContinuation(pi);
        assertThat(continuation).hasPassed("Task_CheckCounter", "Task_OpenPinRequest").isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
        executeDueJobs(management, out);
        assertThat(out).isEnded();
    }

    @Test
    void continuationWantedContinuesTheCardInHakodateRightAfterTheTransferIn() throws Exception {
        Person p = personWithValidMyNumberCard(12);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "continued");
        Card before = cards.find(p.card).orElseThrow();
        assertThat(before.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        ProcessInstance pi = specialTransferInWaitingForTheContinuation(p, out.getBusinessKey());
        String transferInPinRequest = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");

        // the continuation runs as its own instance in 函館市 with only what it needs: it asks for the PIN again
        ProcessInstance continuation = calledContinuation(pi);
        assertThat(continuation.getTenantId()).isEqualTo(HAKODATE);
        assertThat(continuation).isWaitingAt("Task_ConfirmPin");
        assertThat(task(continuation)).hasCandidateGroup(HAKODATE + "-clerks");
        Map<String, Object> passedIn = runtimeService.getVariables(continuation.getId());
        assertThat(passedIn).containsEntry("cardNumber", p.card).containsEntry("newAddress", "北海道函館市五稜郭町1番1号")
                .containsEntry("abroad", false).doesNotContainKeys("pinResult", "email", "residentEmail", "route")
                .doesNotContainValue(transferInPinRequest);
        pinRequests.submit((String) passedIn.get("pinRequestId"), DEMO_PIN);
        complete(task(continuation));
        assertThat(continuation).isWaitingAt("Task_WriteEndorsement");
        assertThat(continuation).variables().containsEntry("pinResult", "OK").containsEntry("specialTransferIn", true)
                .containsEntry("eligible", true).containsEntry("residentCode", p.code).doesNotContainValue(DEMO_PIN);
        complete(task(continuation), Map.of("endorsementWritten", true));

        // the continuation mailed nobody (no address given to it); the transfer-in's completion mail tells both
        assertThat(continuation).hasPassed("Task_ApplyContinuation", "End_Continued").hasNotPassed("Task_MailContinued")
                .isEnded();
        assertThat(pi).hasPassed("Task_CardContinuation", "Gateway_ContinuationDone").isWaitingAt("Task_MailRegistered");
        assertThat(pi).variables().containsEntry("continuationOutcome", "CONTINUED")
                .containsEntry("pinRequestId", transferInPinRequest).doesNotContainKey("endorsementWritten");
        Card after = cards.find(p.card).orElseThrow();
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(after.freeEndorsementLines()).isEqualTo(before.freeEndorsementLines() - 1);
        List<CardEvent> events = cards.events(after.id());
        assertThat(events.get(events.size() - 1)).satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(CardContinuations.EVENT_CONTINUED);
            assertThat(e.detail()).contains("北海道函館市五稜郭町1番1号");
        });
        assertThat(continuations.history(p.card)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED));

        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailRegistered", "End_Registered").isEnded();
        MimeMessage mail = singleMailTo(p.email);
        assertThat(mail.getSubject()).isEqualTo("【函館市】転入の手続きが完了しました");
        assertThat(body(mail)).contains("新しい住所: 北海道函館市五稜郭町1番1号", "本日、窓口でカードの継続利用の手続きが完了しました",
                        "これからは函館市がカードを管理します", "改めての手続きは不要です")
                .doesNotContain("90日", "カードは失効", "手続きができませんでした");
        executeDueJobs(management, out);
        assertThat(cases.find(out.getBusinessKey()).orElseThrow().statusCode()).isEqualTo("COMPLETED");
    }

    @Test
    void aContinuationRefusedForAFullEndorsementFieldIsExplainedInTheCompletionMail() throws Exception {
        Person p = personWithValidMyNumberCard(13);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "refused");
        // every line of the card's 追記欄 is already used
        jdbc.sql("update card set free_endorsement_lines = 0 where card_number = ?").param(p.card).update();
        ProcessInstance pi = specialTransferInWaitingForTheContinuation(p, out.getBusinessKey());

        ProcessInstance continuation = calledContinuation(pi);
        pinRequests.submit((String) runtimeService.getVariable(continuation.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(continuation));
        assertThat(continuation).variables().containsEntry("freeLines", 0).containsEntry("eligible", false);
        assertThat(continuation).isWaitingAt("Task_ExplainRefusal");
        complete(task(continuation));
        assertThat(continuation).hasPassed("End_Refused").hasNotPassed("Task_MailRefused").isEnded();

        assertThat(pi).variables().containsEntry("continuationOutcome", "REFUSED")
                .hasEntrySatisfying("continuationReason", v -> assertThat((String) v).contains("追記欄に空きがない"));
        Card card = cards.find(p.card).orElseThrow();
        assertThat(card.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(card.freeEndorsementLines()).isZero();
        assertThat(continuations.pending(p.card)).isPresent();
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_CardContinuation", "Task_MailRegistered", "End_Registered").isEnded();
        assertThat(body(singleMailTo(p.email))).contains("転入の手続きが完了しました",
                "次の理由により、手続きができませんでした",
                "理由: カードの追記欄に空きがないため、継続利用の記載ができません。カードの再交付についてご相談ください。",
                "転入届の日から90日を過ぎると、カードは失効し", "期限: 2027年2月24日（水）まで")
                .doesNotContain("がカードを管理します");
    }

    @Test
    void aMalformedMailAddressIsRefusedAtTheStart() {
        Person p = personWithValidMyNumberCard(1);
        Map<String, Object> form = startForm(p.card);
        form.put("email", "yamada@@example");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        assertThatThrownBy(() -> started(HAKODATE, form))
                .hasMessageContaining("メールアドレス「yamada@@example」の形式が正しくありません");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
    }

    /**
     * A card this database does not hold, known only from the 転出証明書情報 (its holder moves in from a municipality
     * another deployment serves): kept here when the clerk starts, the PIN checked against it, the holder registered
     * from the certificate.
     */
    @Test
    void aCardKnownOnlyFromTheCertificateIsKeptHereAndItsHolderRegisteredFromIt() {
        String code;
        do {
            code = ResidentCode.withCheckDigit("4" + String.format("%09d",
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000))).value();
        } while (jdbc.sql("select count(*) from resident where resident_code = ?").param(code).query(Long.class)
                .single() > 0);
        String cardNumber = "XD" + System.nanoTime() % 1_000_000_000_000L;
        String receipt = OKUSHIRI + "-2026-X" + System.nanoTime() % 10_000_000L;
        String hash = pinHasher.hash(DEMO_PIN);
        MoveOutCertificateInfo certificate = new MoveOutCertificateInfo(receipt, OKUSHIRI, HAKODATE,
                LocalDate.of(2026, 12, 3), null, "北海道函館市五稜郭町1番1号", "札幌 花子",
                List.of(new MoveOutCertificateInfo.Mover(code, "札幌 花子", "サッポロ ハナコ", LocalDate.of(1990, 3, 3),
                        "FEMALE", "世帯主")), code, "MY_NUMBER", true, LocalDate.of(2026, 12, 9),
                new MoveOutCertificateInfo.PresentedCard(cardNumber, "MY_NUMBER", true, LocalDate.of(2024, 4, 1),
                        LocalDate.of(2034, 3, 3), "ACTIVE", OKUSHIRI, 4, hash, 0, false));
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, certificate);
        assertThat(cards.find(cardNumber)).isEmpty();

        Map<String, Object> form = startForm(cardNumber);
        form.put("originReceiptNumber", receipt);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        Card kept = cards.find(cardNumber).orElseThrow();
        assertThat(kept.holderResidentCode()).isEqualTo(code);
        assertThat(kept.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(cards.events(kept.id())).extracting(CardEvent::eventType).containsExactly(PresentedCards.EVENT_IMPORTED);
        assertThat(resident(code)).containsEntry("STATUS", "MOVING_IN").containsEntry("MUNICIPALITY_CODE", HAKODATE);

        String pinRequestId = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        assertThat(pinRequests.submit(pinRequestId, "1357").attemptsLeft()).isEqualTo(2);
        pinRequests.submit(pinRequestId, DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("pinResult", "OK").containsEntry("cardState", "VALID")
                .containsEntry("certificateInfo", "RECEIVED").doesNotContainValue(hash);
        complete(task(pi));
        assertThat(pi).hasPassed("Task_RegisterMovers");
        Map<String, Object> registered = jdbc.sql("""
                select municipality_code, status, family_name, given_name, family_name_kana, given_name_kana, birth_date,
                  sex, honseki, hittosha, relationship from resident where resident_code = ?""").param(code).query()
                .singleRow();
        assertThat(registered.values()).containsExactlyInAnyOrder(HAKODATE, "RESIDENT", "札幌", "花子", "サッポロ",
                "ハナコ", java.sql.Date.valueOf("1990-03-03"), "FEMALE", null, null, "世帯主");
        assertThat(register.events(ResidentCode.of(code))).containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
        assertThat(cards.events(kept.id())).extracting(CardEvent::eventType).containsExactly(PresentedCards.EVENT_IMPORTED);
        // no origin case waits for this 転入通知 (the certificate was sent by hand): the instance ends here
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    /**
     * The card is not held here and the 転出証明書情報 that would carry it has not arrived: the PIN cannot be checked
     * yet, so the start is refused saying so, instead of the card being taken as not presented (ordinary route).
     */
    @Test
    void aCardNotHeldHereWhoseCertificateHasNotArrivedRefusesTheStart() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        Map<String, Object> form = startForm("XD-not-here");
        form.put("originReceiptNumber", OKUSHIRI + "-2026-not-here");
        assertThatThrownBy(() -> started(HAKODATE, form))
                .hasMessageContaining("転出証明書情報がまだ届いていないため、暗証番号を確認できません");
        // without another municipality named, an unknown number is refused as before
        assertThatThrownBy(() -> started(HAKODATE, startForm("XD-not-here")))
                .hasMessageContaining("カード番号 XD-not-here のカードは登録されていません");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
        assertThat(cards.find("XD-not-here")).isEmpty();
    }

    @Test
    void certificateRequestedFromTheOriginArrivesByMessage() throws Exception {
        Person p = personWithValidMyNumberCard(4);
        Map<String, Object> form = startForm(p.card);
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", p.code);
        form.put("email", " " + p.email + " ");
        form.put("continuationWanted", false);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).variables().containsEntry("email", p.email);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING").containsEntry("route", "WAIT_FOR_CERTIFICATE")
                .containsEntry("originName", "奥尻町");
        assertThat(pi).isWaitingAt("Task_RequestCertificate");

        // the request travels to 奥尻町, where no case waits yet: it is logged there, unanswered
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_RequestCertificate", "Gateway_Wait").isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateRequested", true).containsEntry("certificateRequests", 1);
        List<LoggedMessage> requests = messageLog.messagesAbout("transfer-in:" + pi.getId());
        assertThat(requests).extracting(LoggedMessage::type).containsOnly(MessageType.MOVE_OUT_CERTIFICATE_REQUEST);
        assertThat(requests).extracting(LoggedMessage::direction)
                .containsExactlyInAnyOrder(MessageDirection.SENT, MessageDirection.RECEIVED);
        assertThat(requests).allSatisfy(m -> assertThat(m.payload()).contains(p.code).contains("\"originReceiptNumber\":null"));

        // one wait passes: checked again, still missing, not asked twice
        fireTimer(management, pi, "Event_CertificateWait");
        assertThat(pi).hasPassed("Gateway_WaitedEnough").isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateInfo", "REQUESTED").containsEntry("certificateWaits", 1)
                .containsEntry("certificateRequests", 1);

        // 奥尻町 accepts the transfer-out and sends the 転出証明書情報: its arrival wakes the waiting transfer-in
        ProcessInstance out = transferOutWaitingForMoveIn(p, "late");
        assertThat(pi).hasPassed("Event_CertificateArrived");
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("certificateInfo", "RECEIVED").containsEntry("route", "SPECIAL")
                .containsEntry("originReceiptNumber", out.getBusinessKey()).containsEntry("filerName", p.name());
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_SendMoveInNotice", "Task_MailRegistered", "End_Registered").isEnded();
        executeDueJobs(management, out);
        assertThat(cases.find(out.getBusinessKey()).orElseThrow().statusCode()).isEqualTo("COMPLETED");

        MimeMessage mail = singleMailTo(p.email);
        assertThat(mail.getSubject()).isEqualTo("【函館市】転入の手続きが完了しました");
        assertThat(body(mail)).startsWith(p.name() + " 様\n\n函館市 住民係です。")
                .contains("新しい住所: 北海道函館市五稜郭町1番1号", "転入日: 2026年11月25日（水）", "転出元: 奥尻町",
                        "奥尻町には、住民基本台帳ネットワークを通じて転入通知", "90日以内", "期限: 2027年2月24日（水）まで",
                        "期限までにカードと暗証番号（数字4桁）をお持ちのうえ")
                .doesNotContain("手続きができませんでした", "がカードを管理します");
    }

    @Test
    void threeWaitsThenTheClerkAsksAgainAndTheOriginResendsTheCertificate() throws Exception {
        Person p = personWithValidMyNumberCard(5);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "lost");
        String receipt = out.getBusinessKey();
        // the 転出証明書情報 was lost on the way: 函館市 has no expected move-in
        jdbc.sql("delete from expected_move_in where receipt_number = ?").param(receipt).update();

        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", receipt);
        form.put("email", p.email);
        form.put("continuationWanted", false);
        ProcessInstance pi = started(HAKODATE, form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        // the origin is read from the receipt number
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING").containsEntry("originCode", OKUSHIRI);
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitCertificate");
        // 奥尻町's waiting case took the request and will send again in a job of its own; it still waits for the notice
        assertThat(out).hasPassed("Event_CertificateRequested").isWaitingAt("Task_AwaitMoveInNotice", "Task_ResendCertificateInfo");

        for (int wait = 1; wait <= 3; wait++) {
            fireTimer(management, pi, "Event_CertificateWait");
        }
        assertThat(pi).isWaitingAt("Task_CheckMissingCertificate");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        assertThat(pi).variables().containsEntry("certificateWaits", 3).containsEntry("certificateInfo", "REQUESTED");
        assertThat((String) runtimeService.getVariable(pi.getId(), "certificateWaitSummary"))
                .contains("転出元: 奥尻町（団体コード 013676）", "受付番号: " + receipt, "最初の請求: 2026年11月26日 10:00",
                        "請求 1 回", "待った時間: 3時間（1時間 × 3 回）");

        complete(task(pi), Map.of("missingCertificateDecision", "REQUEST_AGAIN"));
        assertThat(pi).isWaitingAt("Task_RequestCertificate");
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitCertificate");
        assertThat(pi).variables().containsEntry("certificateRequests", 2).containsEntry("certificateWaits", 0);

        // 奥尻町 sends the stored certificate again (twice, once per request): the first arrival wakes the transfer-in
        executeDueJobs(management, out);
        assertThat(out).hasPassed("Task_ResendCertificateInfo", "End_CertificateResent").isWaitingAt("Task_AwaitMoveInNotice");
        List<LoggedMessage> sent = messageLog.messagesAbout(receipt).stream()
                .filter(m -> m.direction() == MessageDirection.SENT).toList();
        assertThat(sent).filteredOn(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_REQUEST).hasSize(2)
                .allSatisfy(m -> assertThat(m.fromCode()).isEqualTo(HAKODATE));
        List<LoggedMessage> certificates = sent.stream()
                .filter(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_INFO).toList();
        assertThat(certificates).hasSize(3);
        assertThat(certificates).extracting(LoggedMessage::messageId).doesNotHaveDuplicates();
        assertThat(certificates).extracting(LoggedMessage::payload).containsOnly(certificates.get(0).payload());
        assertThat(expectedMoveIns.find(receipt)).isPresent();

        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Event_CertificateArrived").isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailRegistered", "End_Registered").isEnded();
        executeDueJobs(management, out);
        assertThat(out).hasPassed("Task_FinalizeMoveOut").isEnded();
        assertThat(singleMailTo(p.email).getSubject()).contains("転入の手続きが完了しました");
    }

    @Test
    void aCertificateThatNeverArrivesEndsInTheOrdinaryTransferInWithAMail() throws Exception {
        Person p = personWithValidMyNumberCard(7);
        Map<String, Object> form = startForm(p.card);
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", p.code);
        form.put("email", p.email);
        ProcessInstance pi = started(HAKODATE, form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        executeDueJobs(management, pi);
        for (int wait = 1; wait <= 3; wait++) {
            fireTimer(management, pi, "Event_CertificateWait");
        }
        assertThat(pi).isWaitingAt("Task_CheckMissingCertificate");
        assertThat((String) runtimeService.getVariable(pi.getId(), "certificateWaitSummary"))
                .contains("受付番号: なし（住民票コード " + p.code + " で請求）");

        complete(task(pi), Map.of("missingCertificateDecision", "SWITCH"));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason"))
                .contains("奥尻町", "転出証明書情報が届かない", "紙の転出証明書");
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailOrdinary", "End_Ordinary").isEnded();

        MimeMessage mail = singleMailTo(p.email);
        assertThat(mail.getSubject()).isEqualTo("【函館市】通常の転入手続きのご案内");
        assertThat(body(mail)).contains("転出元（奥尻町）から転出証明書情報が届かないため",
                "紙の「転出証明書」が必要です", "転出元の奥尻町の窓口で、転出証明書の交付を受けてください",
                "函館市の窓口で転入届をしてください");
    }

    @Test
    void withoutTheOriginNothingCanBeRequested() {
        Person p = personWithValidMyNumberCard(8);
        ProcessInstance pi = started(HAKODATE, startForm(p.card));
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat(pi).variables().containsEntry("certificateInfo", "UNIDENTIFIED").containsEntry("route", "ORDINARY");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("請求できません", "転出証明書");
        assertThat(messageLog.messagesAbout("transfer-in:" + pi.getId())).isEmpty();
        complete(task(pi));
        assertThat(pi).hasNotPassed("Task_MailOrdinary").isEnded();
    }

    // ---- helpers ----

    /** What a started transfer-in leaves: instances, history, rows of the dashboard's case_metric. */
    record Traces(long instances, long history, long caseMetrics) {
    }

    private Traces traces() {
        return new Traces(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count(),
                engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count(),
                jdbc.sql("select count(*) from case_metric where procedure_key = ?").param(PROCESS).query(Long.class)
                        .single());
    }

    /** Filed with continuation wanted and a mail address; PIN, 「転入の記載」 and the jobs done: the call waits. */
    private ProcessInstance specialTransferInWaitingForTheContinuation(Person p, String receipt) {
        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", receipt);
        form.put("email", p.email);
        ProcessInstance pi = started(HAKODATE, form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_RegisterMovers", "Task_SendMoveInNotice", "Gateway_ContinuationWanted")
                .isWaitingAt("Task_CardContinuation");
        return pi;
    }

    private ProcessInstance calledContinuation(ProcessInstance transferIn) {
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(transferIn.getId())
                .singleResult();
        assertThat(called).isNotNull();
        assertThat(engine.getRepositoryService().getProcessDefinition(called.getProcessDefinitionId()).getKey())
                .isEqualTo("card-continuation");
        return called;
    }

    private ProcessInstance started(String tenant, Map<String, Object> variables) {
        return ProcessTestSupport.startAsClerk(identityService, runtimeService, PROCESS, tenant, variables);
    }

    static Map<String, Object> startForm(String cardNumber) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("movedInDate", "2026-11-25");
        v.put("newPostalCode", "040-0001");
        v.put("newAddress", "北海道函館市五稜郭町1番1号");
        v.put("headOfHousehold", "本人");
        v.put("continuationWanted", true);
        v.put("wantsSpecial", true);
        return v;
    }

    private ProcessInstance transferOutWaitingForMoveIn(Person p, String source) {
        Receipt receipt = intake.submit(OKUSHIRI, form(p), IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:transfer-in:" + source + ":" + System.nanoTime());
        ProcessInstance out = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.receiptNumber()).singleResult();
        executeDueJobs(management, out);
        assertThat(out).isWaitingAt("Task_ReviewRequest");
        complete(task(out), Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, out);
        assertThat(out).isWaitingAt("Task_AwaitMoveInNotice");
        return out;
    }

    /** The one transfer-in mail to that address (the transfer-out's mails to it come from 奥尻町). */
    private static MimeMessage singleMailTo(String address) {
        List<MimeMessage> mails = Arrays.stream(TestMailServer.received()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
                        && m.getSubject().startsWith("【函館市】");
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String body(MimeMessage mail) throws Exception {
        return ((String) mail.getContent()).replace("\r\n", "\n");
    }

    private Map<String, Object> resident(String code) {
        return jdbc.sql("select municipality_code, status, address from resident where resident_code = ?").param(code)
                .query().singleRow().entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey().toUpperCase(java.util.Locale.ROOT), e.getValue()),
                        HashMap::putAll);
    }

    record Person(String code, String familyName, String givenName, String kana, String birthDate, String sex,
                  String address, String email, String card) {
        String name() {
            return familyName + " " + givenName;
        }
    }

    /**
     * The n-th adult from the end (the transfer-out tests take them from the start) of 奥尻町 with an active, unlocked,
     * valid My Number Card, with its card number. The continuation tests take 12 and 13: a person who moved away
     * leaves the list and shifts only those further from the end, so they never shift the other tests' picks.
     */
    private Person personWithValidMyNumberCard(int n) {
        List<Person> people = jdbc.sql("""
                select r.*, c.card_number from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.pin_locked = false
                  and c.valid_until > date '2026-12-31' and r.birth_date < date '2000-01-01'
                order by r.resident_code""").query((rs, i) -> new Person(rs.getString("resident_code"),
                rs.getString("family_name"), rs.getString("given_name"),
                rs.getString("family_name_kana") + " " + rs.getString("given_name_kana"),
                rs.getDate("birth_date").toLocalDate().toString(), rs.getString("sex"), rs.getString("address"),
                "resident-" + rs.getString("resident_code") + "@test.example", rs.getString("card_number"))).list();
        return people.get(people.size() - 1 - n);
    }

    /** A new 奥尻町 resident with a valid My Number Card (PIN {@link #DEMO_PIN}), shifting no other test's pick. */
    private Person freshPerson() {
        MovingResidents.Mover m = MovingResidents.in(applicationContext).create(OKUSHIRI, "043-1401",
                "北海道奥尻郡奥尻町奥尻806番地");
        return new Person(m.residentCode(), m.familyName(), m.givenName(), m.kana(), m.birthDate().toString(),
                m.sex().name(), m.address(), "resident-" + m.residentCode() + "@test.example", m.cardNumber());
    }

    private static TransferOutForm form(Person p) {
        return new TransferOutForm("2026-12-03", null,
                new TransferOutForm.Filer(p.name(), p.kana, p.birthDate, "本人"), p.address, p.name(),
                new TransferOutForm.NewAddress(HAKODATE, "北海道函館市五稜郭町1番1号"), p.name(),
                List.of(new TransferOutForm.Mover(p.name(), p.kana, p.birthDate, "MALE".equals(p.sex) ? "男" : "女", "世帯主")),
                "0", "MY_NUMBER", "true", "01397-2-3111", p.email);
    }
}
