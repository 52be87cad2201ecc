package jp.jukiflow.transferin;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.ProcessTestSupport.fireTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.PinRequests;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.JukiflowTest;
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
 * closing the origin's case with the 転入通知, a locked PIN, an expired JUKI card, a refused counter, and a
 * 転出証明書情報 arriving after the first check. The clock is pinned to Thursday 2026-11-26 10:00 JST.
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

        Map<String, Object> form = startForm(p.card);
        form.put("originReceiptNumber", receipt);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).hasPassed("Event_TransferInFiled", "Task_CheckCounter", "Task_OpenPinRequest")
                .isWaitingAt("Task_ConfirmPin");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        String pinRequestId = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
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
        assertThat(pi).hasPassed("Task_RegisterMovers", "Task_SendMoveInNotice", "End_Registered").isEnded();
        assertThat(expectedMoveIns.find(receipt).orElseThrow().status()).isEqualTo(ExpectedMoveInStatus.REGISTERED);
        assertThat(resident(p.code)).containsEntry("MUNICIPALITY_CODE", HAKODATE).containsEntry("STATUS", "RESIDENT")
                .containsEntry("ADDRESS", "北海道函館市五稜郭町1番1号");
        assertThat(register.events(ResidentCode.of(p.code))).contains(ResidentRegister.EVENT_TRANSFER_IN);

        executeDueJobs(management, out);
        assertThat(out).hasPassed("Task_FinalizeMoveOut").isEnded();
        assertThat(cases.find(receipt).orElseThrow().statusCode()).isEqualTo("COMPLETED");
        assertThat(resident(p.code)).containsEntry("STATUS", "RESIDENT").containsEntry("MUNICIPALITY_CODE", HAKODATE);
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
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("暗証番号");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Ordinary").isEnded();
    }

    @Test
    void expiredJukiCardGivesTheOrdinaryRoute() {
        String card = jdbc.sql("""
                select c.card_number from card c join resident r on r.resident_code = c.resident_code
                where r.municipality_code = '013676' and c.card_type = 'JUKI' order by c.card_number""")
                .query(String.class).list().get(3);
        ProcessInstance pi = started(HAKODATE, startForm(card));
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_SwitchToOrdinary");
        assertThat(pi).variables().containsEntry("cardState", "EXPIRED").containsEntry("pinResult", "NOT_ENTERED")
                .containsEntry("route", "ORDINARY");
        assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason")).contains("有効期限", "転出証明書");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Ordinary").isEnded();
    }

    @Test
    void aCounterThatDoesNotAcceptItRefuses() {
        Person p = personWithValidMyNumberCard(6);
        Map<String, Object> form = startForm(p.card);
        form.put("officeId", "okushiri-aonae");
        ProcessInstance pi = started(OKUSHIRI, form);
        assertThat(pi).hasPassed("Event_CounterRefused", "End_Refused").isEnded();
        assertThat(pi).variables().hasEntrySatisfying("refusalReason",
                v -> assertThat((String) v).contains("特例転入を受け付けていません"));
    }

    @Test
    void certificateInfoArrivingLateIsPickedUpAfterTheWait() {
        Person p = personWithValidMyNumberCard(4);
        Map<String, Object> form = startForm(p.card);
        form.put("originCode", OKUSHIRI);
        form.put("residentCode", p.code);
        ProcessInstance pi = started(HAKODATE, form);
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("certificateInfo", "MISSING").containsEntry("route", "WAIT_FOR_CERTIFICATE");
        assertThat(pi).isWaitingAt("Event_CertificateWait");

        fireTimer(management, pi, "Event_CertificateWait");
        assertThat(pi).isWaitingAt("Event_CertificateWait");

        ProcessInstance out = transferOutWaitingForMoveIn(p, "late");
        fireTimer(management, pi, "Event_CertificateWait");
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        assertThat(pi).variables().containsEntry("certificateInfo", "RECEIVED")
                .containsEntry("originReceiptNumber", out.getBusinessKey());
        complete(task(pi));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("End_Registered").isEnded();
        executeDueJobs(management, out);
        assertThat(cases.find(out.getBusinessKey()).orElseThrow().statusCode()).isEqualTo("COMPLETED");
    }

    // ---- helpers ----

    private ProcessInstance started(String tenant, Map<String, Object> variables) {
        identityService.setAuthentication(tenant + "-clerk", List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionWithoutTenantId()
                    .setVariables(variables).execute();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> startForm(String cardNumber) {
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

    /** The n-th adult from the end (the transfer-out tests take them from the start) of 奥尻町 with an active, unlocked, valid My Number Card, with its card number. */
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

    private static TransferOutForm form(Person p) {
        return new TransferOutForm("2026-12-03", null,
                new TransferOutForm.Filer(p.name(), p.kana, p.birthDate, "本人"), p.address, p.name(),
                new TransferOutForm.NewAddress(HAKODATE, "北海道函館市五稜郭町1番1号"), p.name(),
                List.of(new TransferOutForm.Mover(p.name(), p.kana, p.birthDate, "MALE".equals(p.sex) ? "男" : "女", "世帯主")),
                "0", "MY_NUMBER", "true", "01397-2-3111", p.email);
    }
}
