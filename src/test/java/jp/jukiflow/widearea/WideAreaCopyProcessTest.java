package jp.jukiflow.widearea;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.ProcessTestSupport.fireTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.ProvisionRecord;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import jp.jukiflow.widearea.CopyHouseholds.Member;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of {@code wide-area-copy} in one deployment: 函館市 (012025) issues copies of 奥尻町 (013676) residents, both
 * served here (Juki-net in-process, the home side's answer in its own process {@code wide-area-copy-answer}). The card
 * and its PIN (a wrong entry asks again; three wrong entries lock the card and refuse), the photo ID, the whole
 * household (5 persons: 2 pages), a person in another household or unknown at home (refused with the reason), a home
 * municipality that cannot be reached (retries, then an incident), an answer that comes after the clerk stopped waiting
 * (asked again, then withdrawn) or never (given up), and bad input at the start. Fresh households per test
 * ({@link CopyHouseholds}), each with 本籍 and 筆頭者 that must never reach the answer, the PDF or the clerk's screen.
 */
@JukiflowTest
class WideAreaCopyProcessTest {

    static final String PROCESS = "wide-area-copy";
    static final String OKUSHIRI = "013676";
    static final String HAKODATE = "012025";
    static final String CHIYODA = "131016";
    static final String WRONG_PIN = "1357";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog audit;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private CopyHouseholds households;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identityService.clearAuthentication();
        households = CopyHouseholds.in(context);
    }

    @Test
    void cardAndPinAfterAWrongEntryIssuesTheHouseholdsCopyWithoutHonsekiOrHittosha() throws Exception {
        PdfFont.require();
        Family family = households.create(OKUSHIRI, 3);
        Map<String, Object> form = cardForm(family);
        form.put("wholeHousehold", true);
        form.put("showRelationship", true);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).hasPassed("Event_CopyRequested", "Gateway_IdRoute", "Task_OpenPinRequest")
                .isWaitingAt("Task_ConfirmPin");
        assertThat(task(pi)).hasCandidateGroup(HAKODATE + "-clerks");
        assertThat(pi).variables().containsEntry("requesterResidentCode", family.head().residentCode())
                .containsEntry("homeMunicipalityCode", OKUSHIRI).containsEntry("idRoute", "CARD");
        String requestId = pi.getBusinessKey();
        assertThat(requestId).startsWith(HAKODATE + "-WA-").isEqualTo(runtimeService.getVariable(pi.getId(), "requestId"));

        // a wrong entry: the clerk completes the task, a new PIN request is opened
        String firstRequest = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        assertThat(runtimeService.getVariable(pi.getId(), "pinPadUrl")).isEqualTo("/staff/pin-pad/" + firstRequest);
        assertThat(runtimeService.getVariable(pi.getId(), "pinRequestValidUntil")).isEqualTo("11月26日 10:10 まで");
        pinRequests.submit(firstRequest, WRONG_PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "WRONG");
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        String secondRequest = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        assertThat(secondRequest).isNotEqualTo(firstRequest);
        pinRequests.submit(secondRequest, CopyHouseholds.PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "OK").doesNotContainValue(CopyHouseholds.PIN);
        assertThat(pi).hasPassed("Gateway_PinResult", "Gateway_Identified").isWaitingAt("Task_SendRequest");

        answered(pi);
        assertThat(pi).hasPassed("Task_SendRequest", "Event_CopyAnswerReceived", "Gateway_Answer")
                .isWaitingAt("Task_Review");
        String summary = (String) runtimeService.getVariable(pi.getId(), "copySummary");
        assertThat(summary).contains("奥尻町（013676）", family.address(), "世帯主：" + family.head().name(),
                "昭和43年", "続柄：妻", "続柄：子").doesNotContain("住民票コード");
        for (Member m : family.members()) {
            assertThat(summary).contains(m.name()).doesNotContain(m.honseki()).doesNotContain(m.hittosha());
        }
        assertThat(pi).variables().containsEntry("feeText", "手数料 300円").containsEntry("fee", 300)
                .containsEntry("answerOutcome", "ANSWERED");

        // the answer as it travelled: only what the copy may show
        answerTravelledWithoutHonsekiOrHittosha(requestId, family);

        complete(task(pi), Map.of("feeCollected", true));
        assertThat(pi).hasPassed("Gateway_FeeCollected", "Task_IssueCopy", "End_Issued").isEnded();
        String receipt = (String) historicVariable(pi, "receiptNumber");
        assertThat(receipt).matches("012025-K-2026-\\d{6}");
        assertThat(historicVariable(pi, "copyOutcome")).isEqualTo("ISSUED");
        assertThat(historicVariable(pi, "copyPdfUrl")).isEqualTo("/staff/wide-area-copies/" + receipt + ".pdf");

        byte[] pdf = download("/staff/wide-area-copies/" + receipt + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = PdfText.of(doc);
            assertThat(text).contains("住民票の写し", "令和8年11月26日", "函館市長", receipt,
                    family.address().replace(" ", ""), "世帯主", "妻");
            for (Member m : family.members()) {
                assertThat(text).contains(m.nameWithoutSpace()).doesNotContain(m.honseki())
                        .doesNotContain(m.hittosha()).doesNotContain(m.residentCode());
            }
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
        // the same copy by its case
        assertThat(download("/staff/wide-area-copies/by-process/" + pi.getId() + ".pdf")).isEqualTo(pdf);

        // every person answered: a provision record at 奥尻町 (to 函館市長) and its PROVIDE audit line; the reads too
        for (Member m : family.members()) {
            assertThat(provisions.forResident(m.residentCode())).singleElement().satisfies(r -> {
                assertThat(r.providingMunicipalityCode()).isEqualTo(OKUSHIRI);
                assertThat(r.recipientName()).isEqualTo("函館市長");
                assertThat(r.recipientCode()).isEqualTo(HAKODATE);
                assertThat(r.purpose()).isEqualTo("住民票の写しの広域交付");
                assertThat(r.items()).contains("氏名", "生年月日", "性別", "住所", "続柄").doesNotContain("住民票コード", "本籍");
                assertThat(r.reference()).isEqualTo(requestId);
                assertThat(r.providedOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 26));
            });
            assertThat(audit.entriesAbout(m.residentCode())).extracting(AuditEntry::action)
                    .contains(AuditAction.PROVIDE, AuditAction.READ);
        }
        // 奥尻町's 提供状況の開示 of the head lists the provision (page and CSV); 函館市's clerk cannot ask for it
        String disclosure = mvc.perform(get("/staff/disclosures").param("residentCode", family.head().residentCode())
                        .with(okushiriClerk())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(disclosure).contains("函館市長", "住民票の写しの広域交付", "続柄")
                .doesNotContain(family.head().honseki());
        String csv = mvc.perform(get("/staff/disclosures/csv").param("residentCode", family.head().residentCode())
                        .with(okushiriClerk())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("函館市長", "住民票の写しの広域交付", requestId);
        String hakodateView = mvc.perform(get("/staff/disclosures").param("residentCode", family.head().residentCode())
                .with(hakodateClerk())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hakodateView).doesNotContain("住民票の写しの広域交付");
        // the issue and the download are in the log of 函館市
        assertThat(audit.entriesAbout(family.head().residentCode()))
                .filteredOn(e -> HAKODATE.equals(e.municipalityCode()))
                .extracting(AuditEntry::action).contains(AuditAction.CREATE);
        assertThat(downloadsAudited(receipt)).isEqualTo(2);

        // 奥尻町's clerk may not read 函館市's copy; nobody without a login
        mvc.perform(get("/staff/wide-area-copies/" + receipt + ".pdf")
                        .with(user("okushiri-clerk").authorities(() -> "GROUP_013676-clerks", () -> "TENANT_013676")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/wide-area-copies/" + receipt + ".pdf"))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(302, 401)));
        mvc.perform(get("/staff/wide-area-copies/012025-K-2026-999999.pdf").with(hakodateClerk()))
                .andExpect(status().isNotFound());
        // today's list of 函館市 links it; 奥尻町's does not show it
        String list = mvc.perform(get("/staff/wide-area-copies").with(hakodateClerk())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(receipt, "/staff/wide-area-copies/" + receipt + ".pdf", "300円", "3人");
        String okushiriList = mvc.perform(get("/staff/wide-area-copies")
                        .with(user("okushiri-clerk").authorities(() -> "GROUP_013676-clerks", () -> "TENANT_013676")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(okushiriList).doesNotContain(receipt);
        assertThat(mvc.perform(get("/").with(hakodateClerk())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/staff/wide-area-copies\"");
    }

    @Test
    void threeWrongPinsLockTheCardAndNothingIsAsked() {
        Family family = households.create(OKUSHIRI, 1);
        ProcessInstance pi = started(HAKODATE, cardForm(family));
        String request = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        pinRequests.submit(request, WRONG_PIN);
        pinRequests.submit(request, WRONG_PIN);
        pinRequests.submit(request, WRONG_PIN);
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "LOCKED").containsEntry("answerOutcome", "REFUSED");
        assertThat(pi).hasPassed("Gateway_PinResult", "Gateway_Refused").isWaitingAt("Task_ExplainRefusal")
                .hasNotPassed("Task_SendRequest");
        assertThat((String) runtimeService.getVariable(pi.getId(), "refusalReason"))
                .contains("ロックされている", "写真付きの本人確認書類");
        complete(task(pi));
        assertThat(pi).hasPassed("End_NotIssued").isEnded();
        assertThat(historicVariable(pi, "copyOutcome")).isEqualTo("REFUSED");
        assertThat(messageLog.messagesAbout(pi.getBusinessKey())).isEmpty();
        assertThat(provisions.forResident(family.head().residentCode())).isEmpty();
    }

    @Test
    void aCardReportedStolenIdentifiesNobodyButAPhotoIdStillDoes() {
        Family family = households.create(OKUSHIRI, 1);
        // reported stolen while the case runs: no PIN pad, the case ends with the reason and the photo-ID alternative
        ProcessInstance pi = started(HAKODATE, cardForm(family));
        String request = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update card set status = 'SUSPENDED' where card_number = ?").param(family.cardNumber()).update();
        assertThatThrownBy(() -> pinRequests.submit(request, CopyHouseholds.PIN))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CARD_SUSPENDED"));
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "CARD_UNUSABLE").containsEntry("answerOutcome", "REFUSED");
        assertThat(pi).hasPassed("Gateway_Refused").isWaitingAt("Task_ExplainRefusal").hasNotPassed("Task_SendRequest");
        assertThat((String) runtimeService.getVariable(pi.getId(), "refusalReason"))
                .contains("一時停止中", "運転免許証・パスポートなど写真付きの本人確認書類で請求できます");
        complete(task(pi));
        assertThat(pi).hasPassed("End_NotIssued").isEnded();
        assertThat(messageLog.messagesAbout(pi.getBusinessKey())).isEmpty();
        // a new case with the suspended card is refused at the start, with the same alternative, nothing kept
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        assertRefused(cardForm(family), "一時停止中", "運転免許証・パスポートなど写真付きの本人確認書類");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
        // with a driver's licence the copy is asked for
        ProcessInstance byLicence = started(HAKODATE, photoForm(family.head()));
        assertThat(byLicence).hasPassed("Gateway_Identified");
        runtimeService.deleteProcessInstance(byLicence.getId(), "test");
    }

    @Test
    void aMissingPinEntryAsksAgain() {
        Family family = households.create(OKUSHIRI, 1);
        ProcessInstance pi = started(HAKODATE, cardForm(family));
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "NOT_ENTERED");
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void photoIdForAWholeHouseholdOfFivePrintsTwoPagesWithResidentCodes() throws Exception {
        PdfFont.require();
        Family family = households.create(OKUSHIRI, 5);
        Map<String, Object> form = photoForm(family.head());
        form.put("wholeHousehold", true);
        form.put("showResidentCode", true);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).hasPassed("Gateway_IdRoute", "Gateway_Identified").hasNotPassed("Task_OpenPinRequest")
                .isWaitingAt("Task_SendRequest");
        assertThat(pi).variables().containsEntry("identification", "運転免許証（番号 123456789012）");
        answered(pi);
        assertThat(pi).isWaitingAt("Task_Review");
        complete(task(pi), Map.of("feeCollected", true));
        assertThat(pi).hasPassed("End_Issued").isEnded();
        String receipt = (String) historicVariable(pi, "receiptNumber");
        try (PDDocument doc = Loader.loadPDF(download("/staff/wide-area-copies/" + receipt + ".pdf"))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = PdfText.of(doc);
            for (Member m : family.members()) {
                assertThat(text).contains(m.nameWithoutSpace(), m.residentCode()).doesNotContain(m.honseki())
                        .doesNotContain(m.hittosha());
            }
        }
        for (Member m : family.members()) {
            assertThat(provisions.forResident(m.residentCode())).singleElement()
                    .satisfies(r -> assertThat(r.items()).contains("住民票コード").doesNotContain("続柄"));
        }
    }

    @Test
    void listedPersonsOfTheHouseholdByNameAndBirthDate() {
        Family family = households.create(OKUSHIRI, 4);
        Member requester = family.members().get(1);
        Map<String, Object> form = photoForm(null);
        form.put("requesterName", requester.familyName() + " " + requester.givenName());
        form.put("requesterBirthDate", requester.birthDate().toString());
        form.put("personResidentCodes", family.members().get(3).residentCode() + "、" + requester.residentCode());
        ProcessInstance pi = started(HAKODATE, form);
        answered(pi);
        assertThat(pi).isWaitingAt("Task_Review");
        String summary = (String) runtimeService.getVariable(pi.getId(), "copySummary");
        assertThat(summary).contains(requester.name(), family.members().get(3).name())
                .doesNotContain(family.head().name() + "（").doesNotContain(family.members().get(2).name());
        // the requester declines to pay: nothing is issued
        complete(task(pi), Map.of("feeCollected", false));
        assertThat(pi).hasPassed("Gateway_FeeCollected", "End_Withdrawn").hasNotPassed("Task_IssueCopy").isEnded();
        assertThat(historicVariable(pi, "copyOutcome")).isEqualTo("WITHDRAWN");
    }

    @Test
    void aPersonOfAnotherHouseholdIsRefusedWithTheReason() {
        Family family = households.create(OKUSHIRI, 1);
        Family neighbours = households.create(OKUSHIRI, 2);
        Map<String, Object> form = photoForm(family.head());
        form.put("personResidentCodes", family.head().residentCode() + "," + neighbours.members().get(1).residentCode());
        ProcessInstance pi = started(HAKODATE, form);
        answered(pi);
        assertThat(pi).hasPassed("Gateway_Answer", "Gateway_Refused").isWaitingAt("Task_ExplainRefusal");
        assertThat(pi).variables().containsEntry("answerOutcome", "REFUSED").doesNotContainKey("copySummary");
        assertThat((String) runtimeService.getVariable(pi.getId(), "refusalReason"))
                .contains(neighbours.members().get(1).residentCode(), "同一の世帯に属していない");
        complete(task(pi));
        assertThat(pi).hasPassed("End_NotIssued").isEnded();
        // nothing was provided
        assertThat(provisions.forResident(family.head().residentCode())).isEmpty();
        assertThat(provisions.forResident(neighbours.members().get(1).residentCode())).isEmpty();
        assertThat(answerPayload(pi.getBusinessKey())).doesNotContain(neighbours.members().get(1).name(),
                family.head().name());
    }

    @Test
    void aPersonUnknownAtHomeIsRefused() {
        Family family = households.create(OKUSHIRI, 1);
        String unknown = households.freshCode().value();
        Map<String, Object> form = photoForm(null);
        form.put("requesterResidentCode", unknown);
        ProcessInstance pi = started(HAKODATE, form);
        answered(pi);
        assertThat(pi).isWaitingAt("Task_ExplainRefusal");
        assertThat((String) runtimeService.getVariable(pi.getId(), "refusalReason"))
                .contains(unknown, "奥尻町の住民基本台帳に住民として記録されていません");
        complete(task(pi));
        assertThat(pi).isEnded();

        // a resident of 函館市 is not a resident of 奥尻町 either
        Family hakodateFamily = households.create(HAKODATE, 1);
        Map<String, Object> other = photoForm(family.head());
        other.put("personResidentCodes", hakodateFamily.head().residentCode());
        ProcessInstance second = started(HAKODATE, other);
        answered(second);
        assertThat((String) runtimeService.getVariable(second.getId(), "refusalReason"))
                .contains(hakodateFamily.head().residentCode(), "住民として記録されていません");
        complete(task(second));
        assertThat(second).isEnded();
    }

    @Test
    void anUnreachableHomeMunicipalityEndsInAnIncidentAfterTheRetries() {
        Family family = households.create(OKUSHIRI, 1);
        Map<String, Object> form = photoForm(family.head());
        form.put("homeMunicipalityCode", CHIYODA);
        ProcessInstance pi = started(HAKODATE, form);
        assertThat(pi).isWaitingAt("Task_SendRequest");
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId()))
                    .hasMessageContaining("住基ネットで送信できません").hasMessageContaining(CHIYODA);
        }
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getRetries()).isZero();
        assertThat(job.getExceptionMessage()).contains("住基ネットで送信できません");
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendRequest");
        assertThat(incident.getIncidentMessage()).contains("住基ネットで送信できません");
        assertThat(incident.getTenantId()).isEqualTo(HAKODATE);
        assertThat(pi).isWaitingAt("Task_SendRequest");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aLateAnswerIsKeptAsideTheClerkAsksAgainAndTheSecondAnswerIsUsed() {
        Family family = households.create(OKUSHIRI, 2);
        ProcessInstance pi = started(HAKODATE, photoForm(family.head()));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_SendRequest").isWaitingAt("Gateway_AwaitAnswer");
        // no answer in time: the clerk looks at the case
        fireTimer(management, pi, "Event_CopyAnswerOverdue");
        assertThat(pi).isWaitingAt("Task_CheckMissingAnswer");
        // the answer comes now: accepted and logged, the case does not move
        runAnswers(pi.getBusinessKey());
        assertThat(messageLog.messagesAbout(pi.getBusinessKey()))
                .filteredOn(m -> m.direction() == MessageDirection.RECEIVED && m.type() == MessageType.WIDE_AREA_COPY_RESPONSE)
                .singleElement().satisfies(m -> assertThat(m.handled()).isTrue());
        assertThat(pi).isWaitingAt("Task_CheckMissingAnswer");
        complete(task(pi), Map.of("missingAnswerDecision", "REQUEST_AGAIN"));
        assertThat(pi).variables().containsEntry("requestsSent", 1);
        answered(pi);
        assertThat(pi).variables().containsEntry("requestsSent", 2);
        assertThat(pi).hasPassed("Gateway_MissingAnswerDecision").isWaitingAt("Task_Review");
        complete(task(pi), Map.of("feeCollected", false));
        assertThat(pi).hasPassed("End_Withdrawn").isEnded();
        // both answers provided the data: two records each
        assertThat(provisions.forResident(family.head().residentCode())).hasSize(2)
                .extracting(ProvisionRecord::reference).containsOnly(pi.getBusinessKey());
    }

    @Test
    void noAnswerAtAllTheClerkGivesUp() {
        Family family = households.create(OKUSHIRI, 1);
        ProcessInstance pi = started(HAKODATE, photoForm(family.head()));
        executeDueJobs(management, pi);
        fireTimer(management, pi, "Event_CopyAnswerOverdue");
        complete(task(pi), Map.of("missingAnswerDecision", "GIVE_UP"));
        assertThat(pi).hasPassed("End_NoAnswer").isEnded();
        assertThat(historicVariable(pi, "copyOutcome")).isEqualTo("NO_ANSWER");
        // the answer process still runs on its own at 奥尻町 and is accepted when it comes
        runAnswers(pi.getBusinessKey());
    }

    @Test
    void badInputRefusesTheStartWithAJapaneseMessage() {
        Family family = households.create(OKUSHIRI, 1);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        assertRefused(with(photoForm(family.head()), "homeMunicipalityCode", ""), "住所地）の団体コードを入力してください");
        assertRefused(with(photoForm(family.head()), "homeMunicipalityCode", HAKODATE), "通常の住民票の写しの交付");
        assertRefused(with(photoForm(family.head()), "homeMunicipalityCode", "01367"), "団体コード");
        assertRefused(with(photoForm(family.head()), "idRoute", null), "本人確認の方法");
        assertRefused(with(photoForm(family.head()), "photoIdType", null), "本人確認書類の種類");
        assertRefused(with(photoForm(family.head()), "photoIdNumber", " "), "本人確認書類の番号");
        Map<String, Object> other = with(photoForm(family.head()), "photoIdType", "OTHER");
        assertRefused(other, "書類の名称");
        assertRefused(with(photoForm(family.head()), "requesterResidentCode", "12345678901"), "請求者の住民票コード",
                "検査数字");
        assertRefused(with(photoForm(null), "requesterName", "奥尻太郎"), "請求者の住民票コード、または氏名と生年月日");
        Map<String, Object> nameWithoutSpace = with(photoForm(null), "requesterName", "奥尻太郎");
        nameWithoutSpace.put("requesterBirthDate", "1970-01-01");
        assertRefused(nameWithoutSpace, "氏と名の間を空けて");
        assertRefused(with(photoForm(family.head()), "personResidentCodes", "123"), "記載する方の住民票コード");
        Map<String, Object> both = with(photoForm(family.head()), "wholeHousehold", true);
        both.put("personResidentCodes", family.head().residentCode());
        assertRefused(both, "「世帯全員」を選んだ場合");
        Map<String, Object> card = cardForm(family);
        card.put("cardNumber", "WA-not-here");
        assertRefused(card, "このシステムに登録されていない", "写真付きの本人確認書類");
        Map<String, Object> othersCard = cardForm(family);
        othersCard.put("requesterResidentCode", households.freshCode().value());
        assertRefused(othersCard, "請求者本人のカード");
        // the counter: a branch that does not take the procedure, after hours
        Map<String, Object> branch = with(photoForm(family.head()), "homeMunicipalityCode", HAKODATE);
        branch.put("officeId", "okushiri-aonae");
        assertRefused(OKUSHIRI, branch, "住民票の写しの広域交付を受け付けていません");
        TestClock.of(clock).at(Instant.parse("2026-11-26T09:00:00Z"), () -> {
            assertRefused(photoForm(family.head()), "受付時間外");
            return null;
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
    }

    // ---- helpers ----

    /** Runs the send job, the home municipality's answer and the job after the answer's arrival. */
    private void answered(ProcessInstance pi) {
        executeDueJobs(management, pi);
        runAnswers(pi.getBusinessKey());
        executeDueJobs(management, pi);
    }

    /** Runs the jobs of the answer processes at 奥尻町 for the request id. */
    private void runAnswers(String requestId) {
        List<ProcessInstance> answers = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("wide-area-copy-answer").processInstanceBusinessKey(requestId).list();
        assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a.getTenantId()).isEqualTo(OKUSHIRI));
        for (ProcessInstance answer : answers) {
            executeDueJobs(management, answer);
            assertThat(answer).isEnded();
        }
    }

    /** The last answer the home municipality sent for the request, as received. */
    private String answerPayload(String requestId) {
        List<LoggedMessage> received = messageLog.messagesAbout(requestId).stream()
                .filter(m -> m.direction() == MessageDirection.RECEIVED && m.type() == MessageType.WIDE_AREA_COPY_RESPONSE)
                .toList();
        assertThat(received).isNotEmpty();
        return received.get(received.size() - 1).payload();
    }

    private void answerTravelledWithoutHonsekiOrHittosha(String requestId, Family family) throws Exception {
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

    private byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(hakodateClerk())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private long downloadsAudited(String receipt) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from audit_log where action = 'READ' and municipality_code = ? and detail like ?")
                .params(HAKODATE, "%" + receipt + "%").query(Long.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor okushiriClerk() {
        return user("okushiri-clerk").authorities(() -> "GROUP_013676-clerks", () -> "TENANT_013676");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor hakodateClerk() {
        return user("hakodate-clerk").authorities(() -> "GROUP_012025-clerks", () -> "TENANT_012025");
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        var v = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    private void assertRefused(Map<String, Object> form, String... messageParts) {
        assertRefused(HAKODATE, form, messageParts);
    }

    private void assertRefused(String tenant, Map<String, Object> form, String... messageParts) {
        var thrown = assertThatThrownBy(() -> started(tenant, form));
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }

    private static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        form.put(key, value);
        return form;
    }

    ProcessInstance started(String tenant, Map<String, Object> variables) {
        identityService.setAuthentication(tenant + "-clerk", List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionWithoutTenantId()
                    .setVariables(variables).execute();
        } finally {
            identityService.clearAuthentication();
        }
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
