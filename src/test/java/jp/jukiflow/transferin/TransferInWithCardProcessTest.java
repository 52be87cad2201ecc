package jp.jukiflow.transferin;

import static jp.jukiflow.support.TestMailServer.body;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.jpki.CardCertificate;
import jp.jukiflow.jpki.CertificateKind;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.DemoMovers.Person;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-in-with-card" in 函館市 by its route: the special route closing the origin's case with the 転入通知, the
 * ordinary route for a locked PIN, an expired JUKI card, a suspended card or a day too late (the last day rolled over
 * a holiday), and the starts refused (an office that does not take it, after hours, on a Sunday and a holiday: no
 * instance, no history, no case counted; a bad mail address). The card's continuation is in
 * {@link TransferInContinuationProcessTest}, a 転出証明書情報 that has not arrived in
 * {@link TransferInCertificateProcessTest}.
 */
@DisplayName("カード持参の転入: 特例転入と通常転入 / Transfer-in with the card by route")
class TransferInWithCardProcessTest extends TransferInFixture {

    @Test
    void specialTransferInRegistersTheMoversAndClosesTheOriginsCase() {
        Person p = personWithValidMyNumberCard(0);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "special");
        String receipt = out.getBusinessKey();
        assertThat(expectedMoveIns.find(receipt)).isPresent();
        // the certificate carries the card as it presents itself (here the same row both towns share)
        assertThat(expectedMoveIns.find(receipt).orElseThrow().certificate().card().number()).isEqualTo(p.card());

        Map<String, Object> form = startForm(p.card());
        form.put("originReceiptNumber", receipt);
        form.put("continuationWanted", false);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        assertThat(pi).hasPassed("Event_TransferInFiled", "Task_CheckCounter", "Task_OpenPinRequest")
                .isWaitingAt("Task_ConfirmPin");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        String pinRequestId = (String) variable(pi, "pinRequestId");
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
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_RegisterMovers", "Task_SendMoveInNotice", "Gateway_ContinuationWanted",
                        "Gateway_ContinuationDone", "End_Registered").isEnded()
                .hasNotPassed("Task_CardContinuation", "Task_MailRegistered");
        assertThat(pi).variables().doesNotContainKey("continuationOutcome");
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(resident(p.code())).containsEntry("MUNICIPALITY_CODE", HAKODATE).containsEntry("STATUS", "RESIDENT")
                .containsEntry("ADDRESS", "北海道函館市五稜郭町1番1号");
        assertThat(register.events(ResidentCode.of(p.code()))).contains(ResidentRegister.EVENT_TRANSFER_IN);

        executeDueJobs(out);
        assertThat(out).hasPassed("Task_FinalizeMoveOut").isEnded();
        assertThat(cases.find(receipt).orElseThrow().statusCode()).isEqualTo("COMPLETED");
        // the move-out lapses the signature certificate (署名用); the user certificate (利用者証明用) stays valid
        assertThat(certificates.certificatesOf(cards.find(p.card()).orElseThrow().id()))
                .extracting(CardCertificate::kind, CardCertificate::status).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.SIGNATURE, CertificateStatus.LAPSED),
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.USER_AUTH, CertificateStatus.VALID));
        assertThat(resident(p.code())).containsEntry("STATUS", "RESIDENT").containsEntry("MUNICIPALITY_CODE", HAKODATE);
        // one deployment: nothing imported, the shared card notes the hand-over
        Card card = cards.find(p.card()).orElseThrow();
        assertThat(cards.events(card.id())).extracting(CardEvent::eventType)
                .doesNotContain(PresentedCards.EVENT_IMPORTED).containsOnlyOnce(PresentedCards.EVENT_HANDED_OVER);
    }

    @Test
    void wrongPinThreeTimesLocksTheCardEvenIfTheRightOneFollows() {
        Person p = personWithValidMyNumberCard(2);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(p.card()));
        String pinRequestId = (String) variable(pi, "pinRequestId");
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
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailOrdinary", "End_Ordinary").isEnded();
        assertThat(body(singleMailTo(email))).contains("カードの有効期限が切れているため", "紙の「転出証明書」が必要です",
                "転出元の市区町村の窓口で、転出証明書の交付を受けてください");
    }

    @Test
    void aSuspendedCardGivesTheOrdinaryRouteWithTheReason() {
        Person p = freshPerson();
        ProcessInstance out = transferOutWaitingForMoveIn(p, "suspended");
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(p.card()).update();
        try {
            Map<String, Object> form = startForm(p.card());
            form.put("originReceiptNumber", out.getBusinessKey());
            ProcessInstance pi = startAsClerk(HAKODATE, form);
            complete(task(pi));
            assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
            assertThat(pi).variables().containsEntry("cardState", "SUSPENDED").containsEntry("route", "ORDINARY")
                    .containsEntry("certificateInfo", "RECEIVED");
            assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("一時停止中", "転出証明書");
            complete(task(pi));
            assertThat(pi).hasPassed("End_Ordinary").hasNotPassed("Task_RecordTransferIn").isEnded();
            assertThat(resident(p.code())).containsEntry("MUNICIPALITY_CODE", OKUSHIRI);
        } finally {
            jdbc.sql("update card set status = 'ACTIVE' where card_number = ?").param(p.card()).update();
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

    /** A refused start leaves nothing: no instance, no history, no case for the dashboard, the reason in Japanese. */
    @Test
    void aCounterThatDoesNotAcceptItRefusesTheStart() {
        Person p = personWithValidMyNumberCard(6);
        Map<String, Object> form = startForm(p.card());
        form.put("officeId", "okushiri-aonae");
        Traces before = traces();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, form)).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
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
        Map<String, Object> form = startForm(p.card());
        // moved in before each of these days (a move-in after the filing day is refused for itself)
        form.put("movedInDate", "2026-11-20");
        // Thursday 18:00 JST, Sunday 10:00 JST, 勤労感謝の日 (Monday 2026-11-23) 10:00 JST
        for (String at : List.of("2026-11-26T09:00:00Z", "2026-11-29T01:00:00Z", "2026-11-23T01:00:00Z")) {
            assertThatThrownBy(() -> testClock.at(Instant.parse(at), () -> startAsClerk(HAKODATE, form)))
                    .as(at).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("COUNTER_CLOSED");
                        assertThat(e.messageJa()).isEqualTo("函館市役所 本庁舎の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。");
                    });
            assertThat(traces()).as(at).isEqualTo(before);
        }
        // back at Thursday 10:00 the same filing is accepted
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        ProcessInstance open = startAsClerk(HAKODATE, startForm(p.card()));
        assertThat(open).hasPassed("Task_CheckCounter").isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(open.getId(), "test");
    }

    @Test
    void aMalformedMailAddressIsRefusedAtTheStart() {
        Person p = personWithValidMyNumberCard(1);
        Map<String, Object> form = startForm(p.card());
        form.put("email", "yamada@@example");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
        assertThatThrownBy(() -> startAsClerk(HAKODATE, form))
                .hasMessageContaining("メールアドレス「yamada@@example」の形式が正しくありません");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(before);
    }
}
