package jp.jukiflow.transferin;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The dates a special transfer-in counts by (issue 12, rule 2): it is judged on the day its 転入届 was received, fixed at
 * the start, also when the 転出証明書情報 arrives weeks later; a move-in after the filing day, or a filing day after
 * today, refuses the start and leaves nothing; "the 転出届 came more than 14 days after the move" is judged by the day
 * the 転出届 arrived at the origin, which the origin puts into the 転出証明書情報. The clock is pinned to Thursday
 * 2026-11-26 10:00 JST.
 */
class TransferInFilingDayTest extends ProcessTestFixture {

    static final String PROCESS = "transfer-in-with-card";
    static final String NEW_ADDRESS = "北海道函館市五稜郭町1番1号";
    /** Tuesday 2026-12-15 10:00 JST: past the last day (12/09) counted from a move-in on 11/25. */
    static final Instant AFTER_THE_DEADLINE = Instant.parse("2026-12-15T01:00:00Z");

    @Autowired
    TransferOutIntake intake;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    CardContinuations continuations;
    @Autowired
    JukinetGateway gateway;
    @Autowired
    ApplicationContext context;

    MovingResidents residents;

    @BeforeEach
    void setUp() {
        residents = MovingResidents.in(context);
    }

    @Test
    void aCertificateArrivingAfterTheDeadlineStillFindsTheCaseJudgedOnItsFilingDay() {
        MovingResidents.Mover m = residents.create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        Map<String, Object> form = startForm(m.cardNumber(), "2026-11-25");
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", m.residentCode());
        ProcessInstance pi = started(form);
        assertThat(pi).variables().containsEntry("transferInFiledOn", "2026-11-26");
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), MovingResidents.PIN);
        complete(task(pi));
        executeDueJobs(pi);
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING");
        assertThat(pi).isWaitingAt("Gateway_AwaitCertificate");

        // 奥尻町 accepts the 転出届 that arrived on 11/26, but its 転出証明書情報 reaches 函館市 only on 12/15
        ProcessInstance out = acceptedTransferOut(m);
        TestClock.of(clock).at(AFTER_THE_DEADLINE, () -> {
            executeDueJobs(out);
            executeDueJobs(pi);
            return null;
        });
        assertThat(expectedMoveIns.find(out.getBusinessKey()).orElseThrow().certificate().transferOutFiledOn())
                .isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(pi).hasPassed("Event_CertificateArrived").isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("certificateInfo", "RECEIVED").containsEntry("route", "SPECIAL")
                .containsEntry("lastDayForTransferIn", "2026-12-09").containsEntry("withinDeadline", true)
                .containsEntry("continuationDeadline", "2027-02-24");

        // recorded on 12/15, the card's continuation still counts its 90 days from the 転入届 of 11/26
        TestClock.of(clock).at(AFTER_THE_DEADLINE, () -> {
            complete(task(pi));
            return null;
        });
        assertThat(continuations.pending(m.cardNumber())).get().extracting(CardContinuation::transferInDate,
                CardContinuation::lastDay).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2027, 2, 24));
        runtimeService.deleteProcessInstance(pi.getId(), "test");
        runtimeService.deleteProcessInstance(out.getId(), "test");
    }

    @Test
    void theClerksFilingDayIsKeptAndAMoveInAfterItOrAFilingDayAfterTodayRefusesTheStart() {
        MovingResidents.Mover m = residents.create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        long before = instances();

        Map<String, Object> movedInLater = startForm(m.cardNumber(), "2026-11-27");
        assertThat(refusal(movedInLater).code()).isEqualTo("MOVED_IN_AFTER_FILING");
        assertThat(refusal(movedInLater).messageJa()).contains("転入日（2026年11月27日）", "受付日（2026年11月26日）", "第22条");
        Map<String, Object> filedTomorrow = startForm(m.cardNumber(), "2026-11-20");
        filedTomorrow.put("transferInFiledOn", "2026-11-27");
        assertThat(refusal(filedTomorrow).code()).isEqualTo("FILED_ON_IN_FUTURE");
        Map<String, Object> movedInAfterTheGivenDay = startForm(m.cardNumber(), "2026-11-21");
        movedInAfterTheGivenDay.put("transferInFiledOn", "2026-11-20");
        assertThat(refusal(movedInAfterTheGivenDay).code()).isEqualTo("MOVED_IN_AFTER_FILING");
        assertThat(refusal(startForm(m.cardNumber(), "2026/11/20")).code()).isEqualTo("INVALID_DATE");
        assertThat(refusal(startForm(m.cardNumber(), " ")).code()).isEqualTo("MOVED_IN_DATE_REQUIRED");
        assertThat(instances()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from pin_request where card_number = ?").param(m.cardNumber())
                .query(Long.class).single()).isZero();

        Map<String, Object> filedEarlier = startForm(m.cardNumber(), "2026-11-19");
        filedEarlier.put("transferInFiledOn", " 2026-11-20 ");
        ProcessInstance pi = started(filedEarlier);
        assertThat(pi).variables().containsEntry("transferInFiledOn", "2026-11-20").containsEntry("movedInDate", "2026-11-19");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    /**
     * Moved on Monday 11/02: the 転出届 is in time through Monday 11/16 (day 14). Both certificates reach 函館市 on
     * 11/26, ten days after that; what counts is the day each 転出届 arrived at 奥尻町, when the certificate says it.
     */
    @Test
    void aTransferOutIsLateByTheDayItArrivedAtTheOriginNotByTheDayItsCertificateArrivedHere() {
        ProcessInstance onTime = checkedWithCertificate(LocalDate.of(2026, 11, 16));
        assertThat(onTime).variables().containsEntry("filedLate", false).containsEntry("route", "SPECIAL");

        ProcessInstance late = checkedWithCertificate(LocalDate.of(2026, 11, 17));
        assertThat(late).variables().containsEntry("filedLate", true).containsEntry("route", "ORDINARY");
        assertThat((String) runtimeService.getVariable(late.getId(), "routeReason")).contains("14日を過ぎて");
        // an older sender's certificate without that day: judged as before, by the day it reached 函館市 (11/26)
        ProcessInstance older = checkedWithCertificate(null);
        assertThat(older).variables().containsEntry("filedLate", true).containsEntry("route", "ORDINARY");
        for (ProcessInstance pi : List.of(onTime, late, older)) {
            runtimeService.deleteProcessInstance(pi.getId(), "test");
        }
    }

    // ---- helpers ----

    /** A certificate sent by hand (moved 11/02, 転出届 arrived at 奥尻町 on {@code arrivedAtOrigin}), PIN checked. */
    private ProcessInstance checkedWithCertificate(LocalDate arrivedAtOrigin) {
        MovingResidents.Mover m = residents.create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        String receipt = OKUSHIRI + "-2026-F" + System.nanoTime() % 10_000_000L;
        gateway.send(MessageType.MOVE_OUT_CERTIFICATE_INFO, OKUSHIRI, HAKODATE, receipt, new MoveOutCertificateInfo(
                receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 11, 2), NEW_ADDRESS, m.name(),
                List.of(new MoveOutCertificateInfo.Mover(m.residentCode(), m.name(), m.kana(), m.birthDate(),
                        m.sex().name(), "世帯主")), m.residentCode(), "MY_NUMBER", true, LocalDate.of(2026, 12, 9), null,
                arrivedAtOrigin));
        Map<String, Object> form = startForm(m.cardNumber(), "2026-11-25");
        form.put("originReceiptNumber", receipt);
        ProcessInstance pi = started(form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), MovingResidents.PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("certificateInfo", "RECEIVED").containsEntry("withinDeadline", true);
        return pi;
    }

    /** 奥尻町 receives the mover's 転出届 on 11/26 and its clerk accepts it for the special route. */
    private ProcessInstance acceptedTransferOut(MovingResidents.Mover m) {
        Receipt receipt = intake.submit(OKUSHIRI, m.transferOutForm("2026-12-03", HAKODATE, NEW_ADDRESS),
                IntakeChannel.WEB, List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:filing-day:" + System.nanoTime());
        ProcessInstance out = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.receiptNumber()).singleResult();
        executeDueJobs(out);
        complete(task(out), Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        return out;
    }

    private DomainRuleViolation refusal(Map<String, Object> form) {
        return startRefusal(PROCESS, HAKODATE, form);
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    }

    private ProcessInstance started(Map<String, Object> variables) {
        return startAsClerk(PROCESS, HAKODATE, variables);
    }

    private static Map<String, Object> startForm(String cardNumber, String movedInDate) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", cardNumber);
        v.put("movedInDate", movedInDate);
        v.put("newPostalCode", "040-0001");
        v.put("newAddress", NEW_ADDRESS);
        v.put("headOfHousehold", "本人");
        v.put("continuationWanted", false);
        v.put("wantsSpecial", true);
        return v;
    }
}
