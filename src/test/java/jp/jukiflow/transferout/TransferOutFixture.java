package jp.jukiflow.transferout;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.support.DemoMovers;
import jp.jukiflow.support.DemoMovers.Person;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of "transfer-out-by-mail" share: the intake, the case register and Juki-net; 奥尻町's demo movers; a
 * request submitted on the web, reviewed, accepted on the special route; the case's receipt and status; the paper form.
 */
@ProcessUnderTest("transfer-out-by-mail")
abstract class TransferOutFixture extends ProcessTestFixture {

    @Autowired
    TransferOutIntake intake;
    @Autowired
    CaseRegistry cases;
    @Autowired
    JukinetGateway jukinet;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    CardContinuations continuations;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    PinRequests pinRequests;

    ProcessInstance acceptedSpecial(Person p, String source) {
        ProcessInstance pi = reviewed(p, source);
        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitMoveInNotice");
        return pi;
    }

    ProcessInstance reviewed(Person p, String source) {
        ProcessInstance pi = submitted(p, source);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        return pi;
    }

    ProcessInstance submitted(Person p, String source) {
        return submitted(p, source, "MY_NUMBER");
    }

    ProcessInstance submitted(Person p, String source, String cardType) {
        Receipt receipt = intake.submit(OKUSHIRI, p.transferOutForm(cardType), IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:" + source + ":" + System.nanoTime());
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
    }

    String receipt(ProcessInstance pi) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0
                ? runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey()
                : historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey();
    }

    String status(ProcessInstance pi) {
        return cases.find(receipt(pi)).orElseThrow().statusCode();
    }

    String residentStatus(String code) {
        return jdbc.sql("select status from resident where resident_code = ?").param(code).query(String.class).single();
    }

    /** The n-th adult of 奥尻町 with an active, unlocked, valid My Number Card (distinct per test). */
    Person personWithValidMyNumberCard(int n) {
        return DemoMovers.withValidMyNumberCard(jdbc).get(n);
    }

    Person personWithJukiCard() {
        return DemoMovers.withJukiCard(jdbc);
    }

    Map<String, Object> paperForm(Person p) {
        Map<String, Object> v = new HashMap<>();
        v.put("letterArrivedOn", "2026-11-26");
        v.put("plannedMoveOutDate", "2026-12-03");
        v.put("filerName", p.name());
        v.put("filerNameKana", p.kana());
        v.put("filerBirthDate", p.birthDate());
        v.put("filerRelation", "本人");
        v.put("currentAddress", p.address());
        v.put("headOfHousehold", p.name());
        v.put("newMunicipalityCode", HAKODATE);
        v.put("newAddress", "北海道函館市本町1番1号");
        v.put("newHeadOfHousehold", p.name());
        v.put("moversText", p.name() + ", " + p.kana() + ", " + p.birthDate() + ", " + p.sexJa() + ", 世帯主");
        v.put("cardHolderNumber", "1");
        v.put("cardType", "MY_NUMBER");
        v.put("continuedUse", "true");
        v.put("phone", "01397-2-3111");
        return v;
    }
}
