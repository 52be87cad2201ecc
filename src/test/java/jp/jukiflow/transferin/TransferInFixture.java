package jp.jukiflow.transferin;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.DemoMovers;
import jp.jukiflow.support.DemoMovers.Person;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the tests of "transfer-in-with-card" share: 函館市's services, people of 奥尻町 who moved out by mail (the
 * transfer-out accepted on the special route and waiting for the 転入通知), the start form, the PIN entered, the
 * called continuation, the completion mail. The clock is pinned to Thursday 2026-11-26 10:00 JST (moved for a moment
 * by {@link TestClock} where a test says so); the mails go to GreenMail.
 */
@ProcessUnderTest("transfer-in-with-card")
abstract class TransferInFixture extends ProcessTestFixture {

    static final String DEMO_PIN = "2468";

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
    JukinetMessageLog messageLog;
    @Autowired
    CardCertificates certificates;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardContinuations continuations;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    JukinetGateway gateway;

    /** Starts the special transfer-in for p with the origin's receipt, enters the right PIN and completes the PIN task. */
    ProcessInstance checkedAfterPin(Person p, String receipt, String movedInDate) {
        Map<String, Object> form = startForm(p.card());
        form.put("originReceiptNumber", receipt);
        form.put("movedInDate", movedInDate);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        return pi;
    }

    /** Filed with continuation wanted and a mail address; PIN, 「転入の記載」 and the jobs done: the call waits. */
    ProcessInstance specialTransferInWaitingForTheContinuation(Person p, String receipt) {
        Map<String, Object> form = startForm(p.card());
        form.put("originReceiptNumber", receipt);
        form.put("email", p.email());
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_RegisterMovers", "Task_SendMoveInNotice", "Gateway_ContinuationWanted")
                .isWaitingAt("Task_CardContinuation");
        return pi;
    }

    ProcessInstance calledContinuation(ProcessInstance transferIn) {
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(transferIn.getId())
                .singleResult();
        assertThat(called).isNotNull();
        assertThat(engine.getRepositoryService().getProcessDefinition(called.getProcessDefinitionId()).getKey())
                .isEqualTo("card-continuation");
        return called;
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

    ProcessInstance transferOutWaitingForMoveIn(Person p, String source) {
        Receipt receipt = intake.submit(OKUSHIRI, p.transferOutForm("MY_NUMBER"), IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:transfer-in:" + source + ":" + System.nanoTime());
        ProcessInstance out = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.receiptNumber()).singleResult();
        executeDueJobs(out);
        assertThat(out).isWaitingAt("Task_ReviewRequest");
        complete(task(out), Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(out);
        assertThat(out).isWaitingAt("Task_AwaitMoveInNotice");
        return out;
    }

    /** The one transfer-in mail to that address (the transfer-out's mails to it come from 奥尻町). */
    static MimeMessage singleMailTo(String address) {
        List<MimeMessage> mails = TestMailServer.receivedBy(address).stream()
                .filter(m -> TestMailServer.subject(m).startsWith("【函館市】")).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    Map<String, Object> resident(String code) {
        return jdbc.sql("select municipality_code, status, address from resident where resident_code = ?").param(code)
                .query().singleRow().entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey().toUpperCase(java.util.Locale.ROOT), e.getValue()),
                        HashMap::putAll);
    }

    /**
     * The n-th adult from the end (the transfer-out tests take them from the start) of 奥尻町 with an active, unlocked,
     * valid My Number Card, with its card number. The continuation tests take 12 and 13: a person who moved away
     * leaves the list and shifts only those further from the end, so they never shift the other tests' picks.
     */
    Person personWithValidMyNumberCard(int n) {
        List<Person> people = DemoMovers.withValidMyNumberCard(jdbc);
        return people.get(people.size() - 1 - n);
    }

    /** A new 奥尻町 resident with a valid My Number Card (PIN {@link #DEMO_PIN}), shifting no other test's pick. */
    Person freshPerson() {
        MovingResidents.Mover m = MovingResidents.in(applicationContext).create(OKUSHIRI, "043-1401",
                "北海道奥尻郡奥尻町奥尻806番地");
        return DemoMovers.of(m);
    }
}
