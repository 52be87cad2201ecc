package jp.jukiflow.widearea;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import jp.jukiflow.widearea.CopyHouseholds.Member;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code wide-area-copy} by who is listed: the whole household (5 persons: 2 pages, with 住民票コード), listed persons
 * by name and birth date, a person in another household or unknown at home (refused with the reason).
 */
@DisplayName("広域交付住民票: 記載する人 / Wide-area copy: who is listed")
class WideAreaCopyWhoIsListedProcessTest extends WideAreaCopyFixture {

    @Test
    void photoIdForAWholeHouseholdOfFivePrintsTwoPagesWithResidentCodes() throws Exception {
        PdfFont.require();
        Family family = households.create(OKUSHIRI, 5);
        Map<String, Object> form = photoForm(family.head());
        form.put("wholeHousehold", true);
        form.put("showResidentCode", true);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        ProcessInstance second = startAsClerk(HAKODATE, other);
        answered(second);
        assertThat((String) runtimeService.getVariable(second.getId(), "refusalReason"))
                .contains(hakodateFamily.head().residentCode(), "住民として記録されていません");
        complete(task(second));
        assertThat(second).isEnded();
    }
}
