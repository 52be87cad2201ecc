package jp.jukiflow.widearea;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import jp.jukiflow.jukinet.WideAreaCopyResponse;
import jp.jukiflow.jukinet.internal.JukinetInbox;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The home municipality's side, {@code wide-area-copy-answer} (tenant = the home municipality, 奥尻町): a request that
 * arrives over Juki-net starts it; its job reads the register, records the provision and sends the answer, which the
 * counter accepts even when no case waits for it any more. An answer that cannot be delivered (the counter's
 * municipality is not reachable) is retried and ends in an incident at the home municipality; no provision is recorded
 * for data that never left.
 */
@ProcessUnderTest("wide-area-copy-answer")
class WideAreaCopyAnswerProcessTest extends ProcessTestFixture {


    @Autowired
    JukinetGateway gateway;
    @Autowired
    JukinetInbox inbox;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationContext context;

    private CopyHouseholds households;

    @BeforeEach
    void setUp() {
        households = CopyHouseholds.in(context);
    }

    @Test
    void aRequestIsAnsweredFromTheRegisterWithAProvisionRecord() {
        Family family = households.create(OKUSHIRI, 2);
        String requestId = HAKODATE + "-WA-test-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.send(MessageType.WIDE_AREA_COPY_REQUEST, HAKODATE, OKUSHIRI, requestId, request(requestId, HAKODATE,
                family.head().residentCode(), true));
        ProcessInstance answer = answerProcess(requestId);
        assertThat(answer.getTenantId()).isEqualTo(OKUSHIRI);
        assertThat(answer).isWaitingAt("Task_AnswerRequest");
        assertThat(provisions.forResident(family.head().residentCode())).isEmpty();

        executeDueJobs(answer);
        assertThat(answer).hasPassed("Event_RequestReceived", "Task_AnswerRequest", "End_Answered").isEnded();
        WideAreaCopyResponse response = WideAreaCopyResponse.fromJson(sentAnswer(requestId).payload());
        assertThat(response.outcome()).isEqualTo(WideAreaCopyResponse.Outcome.ANSWERED);
        assertThat(response.homeMunicipalityName()).isEqualTo("奥尻町");
        assertThat(response.address()).isEqualTo(family.address());
        assertThat(response.householdHeadName()).isEqualTo(family.head().name());
        assertThat(response.persons()).extracting(WideAreaCopyResponse.Person::name)
                .containsExactly(family.head().name(), family.members().get(1).name());
        assertThat(response.persons()).extracting(WideAreaCopyResponse.Person::relationship)
                .containsExactly("世帯主", "妻");
        assertThat(response.persons()).extracting(WideAreaCopyResponse.Person::residentCode).containsOnlyNulls();
        for (var m : family.members()) {
            assertThat(provisions.forResident(m.residentCode())).singleElement()
                    .satisfies(r -> assertThat(r.recipientName()).isEqualTo("函館市長"));
            assertThat(audit.entriesAbout(m.residentCode())).filteredOn(e -> e.action() == AuditAction.PROVIDE)
                    .singleElement().satisfies(e -> assertThat(e.municipalityCode()).isEqualTo(OKUSHIRI));
        }
        // no case of 函館市 waits for it: accepted and logged
        assertThat(messageLog.messagesAbout(requestId)).filteredOn(m -> m.direction() == MessageDirection.RECEIVED
                && m.type() == MessageType.WIDE_AREA_COPY_RESPONSE).singleElement()
                .satisfies(m -> assertThat(m.handled()).isTrue());
    }

    /** 転出予定 (transfer-out accepted, not moved yet) is still a resident: the copy is answered with them in it. */
    @Test
    void aHouseholdMovingOutButNotMovedYetIsStillAnsweredAsResidents() {
        Family family = households.create(OKUSHIRI, 2);
        for (var m : family.members()) {
            context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("update resident set status = 'MOVING_OUT' where resident_code = ?").param(m.residentCode()).update();
        }
        String requestId = HAKODATE + "-WA-test-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.send(MessageType.WIDE_AREA_COPY_REQUEST, HAKODATE, OKUSHIRI, requestId, request(requestId, HAKODATE,
                family.head().residentCode(), true));
        executeDueJobs(answerProcess(requestId));
        WideAreaCopyResponse response = WideAreaCopyResponse.fromJson(sentAnswer(requestId).payload());
        assertThat(response.outcome()).isEqualTo(WideAreaCopyResponse.Outcome.ANSWERED);
        assertThat(response.persons()).extracting(WideAreaCopyResponse.Person::name)
                .containsExactly(family.head().name(), family.members().get(1).name());
    }

    @Test
    void anAnswerThatCannotBeDeliveredEndsInAnIncidentAtHomeWithoutAProvisionRecord() {
        Family family = households.create(OKUSHIRI, 1);
        String requestId = SAPPORO + "-WA-test-" + UUID.randomUUID().toString().substring(0, 8);
        // 札幌市 (not served here, no base URL): its request arrives as from a peer; the answer cannot go back
        WideAreaCopyRequest request = request(requestId, SAPPORO, family.head().residentCode(), false);
        inbox.receive(new Envelope(UUID.randomUUID().toString(), MessageType.WIDE_AREA_COPY_REQUEST, SAPPORO, OKUSHIRI,
                requestId, request.toJson(), Instant.parse("2026-11-26T01:00:00Z")));
        ProcessInstance answer = answerProcess(requestId);
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = management.createJobQuery().processInstanceId(answer.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("住基ネットで送信できません");
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(answer.getId()).singleResult())
                .satisfies(i -> {
                    assertThat(i.getActivityId()).isEqualTo("Task_AnswerRequest");
                    assertThat(i.getTenantId()).isEqualTo(OKUSHIRI);
                });
        assertThat(provisions.forResident(family.head().residentCode())).isEmpty();
        runtimeService.deleteProcessInstance(answer.getId(), "test");
    }

    @Test
    void aRequestWhoseRouteDoesNotMatchItsEnvelopeIsRefused() {
        String requestId = HAKODATE + "-WA-test-" + UUID.randomUUID().toString().substring(0, 8);
        WideAreaCopyRequest request = request(requestId, HAKODATE, households.freshCode().value(), false);
        assertThatThrownBy(() -> inbox.receive(new Envelope(UUID.randomUUID().toString(),
                MessageType.WIDE_AREA_COPY_REQUEST, SAPPORO, OKUSHIRI, requestId, request.toJson(),
                Instant.parse("2026-11-26T01:00:00Z")))).hasMessageContaining("一致しないため");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).count()).isZero();
    }

    private static WideAreaCopyRequest request(String requestId, String issuing, String requester,
                                               boolean wholeHousehold) {
        return new WideAreaCopyRequest(requestId, issuing, HAKODATE.equals(issuing) ? "函館市" : "札幌市", OKUSHIRI,
                requester, null, null, wholeHousehold, List.of(), true, false, Instant.parse("2026-11-26T01:00:00Z"));
    }

    private ProcessInstance answerProcess(String requestId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("wide-area-copy-answer")
                .processInstanceBusinessKey(requestId).singleResult();
    }

    private LoggedMessage sentAnswer(String requestId) {
        return messageLog.messagesAbout(requestId).stream()
                .filter(m -> m.direction() == MessageDirection.SENT && m.type() == MessageType.WIDE_AREA_COPY_RESPONSE)
                .findFirst().orElseThrow();
    }
}
