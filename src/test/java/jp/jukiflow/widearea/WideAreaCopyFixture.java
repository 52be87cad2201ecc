package jp.jukiflow.widearea;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.asClerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import jp.jukiflow.widearea.CopyHouseholds.Member;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the tests of {@code wide-area-copy} share: 函館市 (012025) issues copies of 奥尻町 (013676) residents, both
 * served here (Juki-net in-process, the home side's answer in its own process {@code wide-area-copy-answer}). Fresh
 * households per test ({@link CopyHouseholds}), each with 本籍 and 筆頭者 that must never reach the answer, the PDF or
 * the clerk's screen; the start forms (card or photo ID), running the answer, the PDF download, refused starts.
 */
@ProcessUnderTest("wide-area-copy")
abstract class WideAreaCopyFixture extends ProcessTestFixture {

    static final String WRONG_PIN = "1357";

    @Autowired
    PinRequests pinRequests;
    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog audit;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    ApplicationContext context;

    CopyHouseholds households;

    @BeforeEach
    void setUp() {
        households = CopyHouseholds.in(context);
    }

    /** Runs the send job, the home municipality's answer and the job after the answer's arrival. */
    void answered(ProcessInstance pi) {
        executeDueJobs(pi);
        runAnswers(pi.getBusinessKey());
        executeDueJobs(pi);
    }

    /** Runs the jobs of the answer processes at 奥尻町 for the request id. */
    void runAnswers(String requestId) {
        List<ProcessInstance> answers = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("wide-area-copy-answer").processInstanceBusinessKey(requestId).list();
        assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a.getTenantId()).isEqualTo(OKUSHIRI));
        for (ProcessInstance answer : answers) {
            executeDueJobs(answer);
            assertThat(answer).isEnded();
        }
    }

    /** The last answer the home municipality sent for the request, as received. */
    String answerPayload(String requestId) {
        List<LoggedMessage> received = messageLog.messagesAbout(requestId).stream()
                .filter(m -> m.direction() == MessageDirection.RECEIVED && m.type() == MessageType.WIDE_AREA_COPY_RESPONSE)
                .toList();
        assertThat(received).isNotEmpty();
        return received.get(received.size() - 1).payload();
    }

    void answerTravelledWithoutHonsekiOrHittosha(String requestId, Family family) throws Exception {
        assertThat(messageLog.messagesAbout(requestId))
                .extracting(LoggedMessage::direction, LoggedMessage::type, LoggedMessage::fromCode)
                .contains(tuple(MessageDirection.SENT, MessageType.WIDE_AREA_COPY_REQUEST, HAKODATE),
                        tuple(MessageDirection.RECEIVED, MessageType.WIDE_AREA_COPY_REQUEST, HAKODATE),
                        tuple(MessageDirection.SENT, MessageType.WIDE_AREA_COPY_RESPONSE, OKUSHIRI),
                        tuple(MessageDirection.RECEIVED, MessageType.WIDE_AREA_COPY_RESPONSE, OKUSHIRI));
        String json = answerPayload(requestId);
        for (Member m : family.members()) {
            assertThat(json).contains(m.name()).doesNotContain(m.honseki()).doesNotContain(m.hittosha());
        }
        assertThat(json).doesNotContainIgnoringCase("honseki").doesNotContainIgnoringCase("hittosha")
                .doesNotContain("本籍").doesNotContain("筆頭");
        JsonNode person = new ObjectMapper().readTree(json).get("persons").get(0);
        List<String> fields = new java.util.ArrayList<>();
        person.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "nameKana", "birthDate", "sex", "relationship", "residentCode",
                "becameResidentOn", "addressSince");
        assertThat(person.get("residentCode").isNull()).isTrue();
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(asClerk(HAKODATE))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    long downloadsAudited(String receipt) {
        return jdbc
                .sql("select count(*) from audit_log where action = 'READ' and municipality_code = ? and detail like ?")
                .params(HAKODATE, "%" + receipt + "%").query(Long.class).single();
    }

    Object historicVariable(ProcessInstance pi, String name) {
        var v = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    void assertRefused(Map<String, Object> form, String... messageParts) {
        assertRefused(HAKODATE, form, messageParts);
    }

    void assertRefused(String tenant, Map<String, Object> form, String... messageParts) {
        var thrown = assertThatThrownBy(() -> startAsClerk(tenant, form));
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }

    static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        form.put(key, value);
        return form;
    }

    static Map<String, Object> cardForm(Family family) {
        Map<String, Object> v = new HashMap<>();
        v.put("homeMunicipalityCode", family.municipality());
        v.put("idRoute", "CARD");
        v.put("cardNumber", family.cardNumber());
        v.put("wholeHousehold", false);
        v.put("showRelationship", false);
        v.put("showResidentCode", false);
        return v;
    }

    /** The photo-ID route (a driver's licence) for the requester (by 住民票コード when given). */
    static Map<String, Object> photoForm(Member requester) {
        Map<String, Object> v = new HashMap<>();
        v.put("homeMunicipalityCode", OKUSHIRI);
        v.put("requesterResidentCode", requester == null ? null : requester.residentCode());
        v.put("idRoute", "PHOTO_ID");
        v.put("photoIdType", "DRIVERS_LICENSE");
        v.put("photoIdNumber", "123456789012");
        v.put("wholeHousehold", false);
        v.put("showRelationship", false);
        v.put("showResidentCode", false);
        return v;
    }
}
