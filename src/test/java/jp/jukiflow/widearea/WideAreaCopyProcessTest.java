package jp.jukiflow.widearea;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.asClerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import jp.jukiflow.widearea.CopyHouseholds.Member;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code wide-area-copy} by how the requester is identified: the card and its PIN (a wrong entry asks again; three
 * wrong entries lock the card and refuse; a missing entry asks again), a card reported stolen (nobody identified, a
 * photo ID still does), and bad input refused at the start.
 */
@DisplayName("広域交付住民票: 本人確認 / Wide-area copy: identifying the requester")
class WideAreaCopyProcessTest extends WideAreaCopyFixture {

    @Test
    void cardAndPinAfterAWrongEntryIssuesTheHouseholdsCopyWithoutHonsekiOrHittosha() throws Exception {
        PdfFont.require();
        Family family = households.create(OKUSHIRI, 3);
        Map<String, Object> form = cardForm(family);
        form.put("wholeHousehold", true);
        form.put("showRelationship", true);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
                        .with(asClerk(OKUSHIRI))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(disclosure).contains("函館市長", "住民票の写しの広域交付", "続柄")
                .doesNotContain(family.head().honseki());
        String csv = mvc.perform(get("/staff/disclosures/csv").param("residentCode", family.head().residentCode())
                        .with(asClerk(OKUSHIRI))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("函館市長", "住民票の写しの広域交付", requestId);
        String hakodateView = mvc.perform(get("/staff/disclosures").param("residentCode", family.head().residentCode())
                .with(asClerk(HAKODATE))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hakodateView).doesNotContain("住民票の写しの広域交付");
        // the issue and the download are in the log of 函館市
        assertThat(audit.entriesAbout(family.head().residentCode()))
                .filteredOn(e -> HAKODATE.equals(e.municipalityCode()))
                .extracting(AuditEntry::action).contains(AuditAction.CREATE);
        assertThat(downloadsAudited(receipt)).isEqualTo(2);

        // 奥尻町's clerk may not read 函館市's copy; nobody without a login
        mvc.perform(get("/staff/wide-area-copies/" + receipt + ".pdf")
                        .with(asClerk(OKUSHIRI)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/wide-area-copies/" + receipt + ".pdf"))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(302, 401)));
        mvc.perform(get("/staff/wide-area-copies/012025-K-2026-999999.pdf").with(asClerk(HAKODATE)))
                .andExpect(status().isNotFound());
        // today's list of 函館市 links it; 奥尻町's does not show it
        String list = mvc.perform(get("/staff/wide-area-copies").with(asClerk(HAKODATE))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(receipt, "/staff/wide-area-copies/" + receipt + ".pdf", "300円", "3人");
        String okushiriList = mvc.perform(get("/staff/wide-area-copies")
                        .with(asClerk(OKUSHIRI)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(okushiriList).doesNotContain(receipt);
        assertThat(mvc.perform(get("/").with(asClerk(HAKODATE))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/staff/wide-area-copies\"");
    }

    @Test
    void threeWrongPinsLockTheCardAndNothingIsAsked() {
        Family family = households.create(OKUSHIRI, 1);
        ProcessInstance pi = startAsClerk(HAKODATE, cardForm(family));
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
        ProcessInstance pi = startAsClerk(HAKODATE, cardForm(family));
        String request = (String) runtimeService.getVariable(pi.getId(), "pinRequestId");
        jdbc
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
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
        assertRefused(cardForm(family), "一時停止中", "運転免許証・パスポートなど写真付きの本人確認書類");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(before);
        // with a driver's licence the copy is asked for
        ProcessInstance byLicence = startAsClerk(HAKODATE, photoForm(family.head()));
        assertThat(byLicence).hasPassed("Gateway_Identified");
        runtimeService.deleteProcessInstance(byLicence.getId(), "test");
    }

    @Test
    void aMissingPinEntryAsksAgain() {
        Family family = households.create(OKUSHIRI, 1);
        ProcessInstance pi = startAsClerk(HAKODATE, cardForm(family));
        complete(task(pi));
        assertThat(pi).variables().containsEntry("pinResult", "NOT_ENTERED");
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void badInputRefusesTheStartWithAJapaneseMessage() {
        Family family = households.create(OKUSHIRI, 1);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
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
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(before);
    }
}
