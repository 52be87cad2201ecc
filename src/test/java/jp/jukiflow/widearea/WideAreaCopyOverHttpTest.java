package jp.jukiflow.widearea;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.TownDeployment;
import jp.jukiflow.support.TwoDeploymentsFixture;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import jp.jukiflow.widearea.CopyHouseholds.Member;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 住民票の写しの広域交付 across two deployments over real HTTP, in one JVM ({@link TownDeployment}: own H2, own engine,
 * transport http, the other town as peer with a shared key): at 函館市's counter (012025) a household of 奥尻町 (013676)
 * asks for a copy with a photo ID. 函館市's job sends the request over HTTP; 奥尻町's endpoint starts its answer process,
 * whose job reads 奥尻町's register, records the provisions and sends the answer over HTTP; 函館市's case continues, the
 * clerk collects the fee and the PDF is made at 函館市. 函館市's database never holds the residents; 奥尻町's holds the
 * provision records; 本籍 and 筆頭者 stay in 奥尻町.
 */
class WideAreaCopyOverHttpTest extends TwoDeploymentsFixture {

    static final String KEY = "test-key-wide-area-okushiri-hakodate-0123";

    @BeforeAll
    static void startTheTowns() {
        startBothTowns("WideArea", KEY);
    }

    @Test
    void hakodateIssuesACopyOfAnOkushiriHouseholdOverHttp() throws Exception {
        PdfFont.require();
        Family family = CopyHouseholds.in(okushiri.context()).create(OKUSHIRI, 3);
        Map<String, Object> form = new HashMap<>();
        form.put("homeMunicipalityCode", OKUSHIRI);
        form.put("requesterResidentCode", family.head().residentCode());
        form.put("idRoute", "PHOTO_ID");
        form.put("photoIdType", "PASSPORT");
        form.put("photoIdNumber", "TK1234567");
        form.put("wholeHousehold", true);
        form.put("showRelationship", true);
        form.put("showResidentCode", false);
        ProcessInstance pi = asHakodateClerk(() -> hakodate.bean(RuntimeService.class)
                .createProcessInstanceByKey("wide-area-copy").processDefinitionWithoutTenantId().setVariables(form)
                .execute());
        assertThat(pi.getTenantId()).isEqualTo(HAKODATE);
        String requestId = pi.getBusinessKey();

        // 函館市 → 奥尻町 over HTTP: 奥尻町's endpoint started the answer process, nothing answered yet
        executeDueJobs(hakodate.bean(ManagementService.class), pi);
        assertThat(active(hakodate, pi)).containsExactly("Gateway_AwaitAnswer");
        ProcessInstance answer = okushiri.bean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("wide-area-copy-answer").processInstanceBusinessKey(requestId).singleResult();
        assertThat(answer.getTenantId()).isEqualTo(OKUSHIRI);
        assertThat(okushiri.bean(ProvisionRecords.class).forResident(family.head().residentCode())).isEmpty();

        // 奥尻町 answers from its register and sends the answer back over HTTP: 函館市's case continues
        executeDueJobs(okushiri.bean(ManagementService.class), answer);
        assertThat(okushiri.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(answer.getId())
                .count()).isZero();
        executeDueJobs(hakodate.bean(ManagementService.class), pi);
        Task review = hakodate.bean(TaskService.class).createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_Review");
        String summary = (String) hakodate.bean(RuntimeService.class).getVariable(pi.getId(), "copySummary");
        assertThat(summary).contains("奥尻町（013676）", family.address(), "続柄：妻");
        assertThat(hakodate.bean(RuntimeService.class).getVariable(pi.getId(), "feeText")).isEqualTo("手数料 300円");
        asHakodateClerk(() -> {
            hakodate.bean(TaskService.class).complete(review.getId(), Map.of("feeCollected", true));
            return null;
        });
        assertThat(hakodate.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi.getId())
                .count()).isZero();
        String receipt = (String) hakodate.bean(HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName("receiptNumber").singleResult().getValue();
        assertThat(receipt).matches("012025-K-2026-\\d{6}");

        // the copy is 函館市's: its PDF, certified by 函館市長, with the household of 奥尻町 and no 本籍/筆頭者
        byte[] pdf = jdbc(hakodate).sql("select pdf from wide_area_copy where receipt_number = ?").param(receipt)
                .query((rs, n) -> rs.getBytes(1)).single();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = PdfText.of(doc);
            assertThat(text).contains("函館市長", "令和8年11月26日", "奥尻町", family.address());
            for (Member m : family.members()) {
                assertThat(text).contains(m.nameWithoutSpace()).doesNotContain(m.honseki())
                        .doesNotContain(m.hittosha());
            }
        }
        assertThat(jdbc(okushiri).sql("select count(*) from wide_area_copy").query(Integer.class).single()).isZero();

        // 奥尻町 recorded each provision to 函館市長 (with the PROVIDE audit line); 函館市 holds neither residents nor records
        for (Member m : family.members()) {
            assertThat(okushiri.bean(ProvisionRecords.class).forResident(m.residentCode())).singleElement()
                    .satisfies(r -> {
                        assertThat(r.recipientName()).isEqualTo("函館市長");
                        assertThat(r.recipientCode()).isEqualTo(HAKODATE);
                        assertThat(r.reference()).isEqualTo(requestId);
                    });
            assertThat(okushiri.bean(AuditLog.class).entriesAbout(m.residentCode()))
                    .extracting(e -> e.action()).contains(AuditAction.PROVIDE, AuditAction.READ);
            assertThat(jdbc(hakodate).sql("select count(*) from resident where resident_code = ?")
                    .param(m.residentCode()).query(Integer.class).single()).isZero();
            assertThat(jdbc(hakodate).sql("select count(*) from provision_record where subject_resident_code = ?")
                    .param(m.residentCode()).query(Integer.class).single()).isZero();
        }
        // both message logs: each side only its own direction
        assertThat(hakodate.bean(JukinetMessageLog.class).messagesAbout(requestId))
                .extracting(LoggedMessage::direction, LoggedMessage::type)
                .containsExactlyInAnyOrder(tuple(MessageDirection.SENT, MessageType.WIDE_AREA_COPY_REQUEST),
                        tuple(MessageDirection.RECEIVED, MessageType.WIDE_AREA_COPY_RESPONSE));
        assertThat(okushiri.bean(JukinetMessageLog.class).messagesAbout(requestId))
                .extracting(LoggedMessage::direction, LoggedMessage::type, LoggedMessage::handled)
                .containsExactlyInAnyOrder(tuple(MessageDirection.RECEIVED, MessageType.WIDE_AREA_COPY_REQUEST, true),
                        tuple(MessageDirection.SENT, MessageType.WIDE_AREA_COPY_RESPONSE, true));
        String travelled = hakodate.bean(JukinetMessageLog.class).messagesAbout(requestId).stream()
                .filter(m -> m.type() == MessageType.WIDE_AREA_COPY_RESPONSE).findFirst().orElseThrow().payload();
        for (Member m : family.members()) {
            assertThat(travelled).contains(m.name()).doesNotContain(m.honseki()).doesNotContain(m.hittosha());
        }
    }

    @Test
    void aCardThisDeploymentDoesNotHoldIsRefusedAtTheStart() {
        Family family = CopyHouseholds.in(okushiri.context()).create(OKUSHIRI, 1);
        Map<String, Object> form = new HashMap<>();
        form.put("homeMunicipalityCode", OKUSHIRI);
        form.put("idRoute", "CARD");
        form.put("cardNumber", family.cardNumber());
        assertThatThrownBy(() -> asHakodateClerk(() -> hakodate.bean(RuntimeService.class)
                .createProcessInstanceByKey("wide-area-copy").processDefinitionWithoutTenantId().setVariables(form)
                .execute()))
                .hasMessageContaining("このシステムに登録されていない").hasMessageContaining("写真付きの本人確認書類");
    }

    private static <T> T asHakodateClerk(Supplier<T> work) {
        IdentityService identity = hakodate.bean(IdentityService.class);
        identity.setAuthentication("hakodate-clerk", List.of(HAKODATE + "-clerks"), List.of(HAKODATE));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static JdbcClient jdbc(TownDeployment town) {
        return town.bean(JdbcClient.class);
    }

    private static List<String> active(TownDeployment town, ProcessInstance pi) {
        return town.bean(HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .unfinished().list().stream().map(a -> a.getActivityId())
                .filter(id -> !id.equals(pi.getProcessDefinitionId())).toList();
    }
}
