package jp.jukiflow.pinreset;

import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.asClerk;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.documents.PdfFont;
import jp.jukiflow.support.PdfText;
import jp.jukiflow.support.TestMailServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "pin-reset" asked by an agent: the 照会書 (PDF: name, address, 和暦 dates, embedded font) and the 回答書 end to end,
 * and expired by the 30-day timer (the holder mailed when the register has an address). The holder's own visit is in
 * {@link PinResetProcessTest}.
 */
@DisplayName("暗証番号の再設定: 代理人と照会書 / PIN reset by an agent")
class PinResetByAgentProcessTest extends PinResetFixture {

    @Test
    void byAnAgentWithTheInquiryLetterAndItsAnswerEndToEnd() throws Exception {
        PdfFont.require();
        String card = newCard(OKUSHIRI);
        lock(card);
        Card locked = cards.find(card).orElseThrow();
        Map<String, Object> form = startForm(card, "AGENT");
        form.put("agentName", "代理　花子");
        ProcessInstance pi = startAsClerk(OKUSHIRI, form);

        assertThat(pi).hasPassed("Task_IssueInquiry").isWaitingAt("Task_SendInquiry");
        assertThat(task(pi)).hasName("照会書の印刷・郵送").hasCandidateGroup(OKUSHIRI + "-clerks");
        String inquiryNumber = (String) runtimeService.getVariable(pi.getId(), "inquiryNumber");
        assertThat(inquiryNumber).matches("013676-2026-\\d{6}");
        // 2026-11-26 + 30 days = Saturday 12-26: the deadline rolls to Monday 12-28; the timer fires when it is over
        assertThat(pi).variables().containsEntry("answerDeadline", "2026-12-28")
                .containsEntry("answerTimerAt", "2026-12-29T00:00+09:00")
                .containsEntry("inquiryPdfUrl", "/staff/pin-resets/" + pi.getId() + "/inquiry.pdf");

        // the 照会書: A4, the font embedded, the holder's name and registered address, 和暦 dates, the 回答書
        byte[] pdf = mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf")
                        .with(asClerk(OKUSHIRI)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, Object> holder = jdbc.sql("""
                select family_name, given_name, address from resident where resident_code = ?""")
                .param(locked.holderResidentCode()).query().singleRow();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "pin-reset-inquiry.pdf"), pdf); // for a person to look at
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f.getName()).contains("IPAGothic");
            });
            String text = PdfText.of(doc);
            assertThat(text).contains("暗証番号の再設定に関する照会書", "回答書", inquiryNumber, "奥尻町",
                    "令和8年11月26日", "令和8年12月28日", "代理花子",
                    (String) holder.get("family_name") + holder.get("given_name"),
                    ((String) holder.get("address")).replaceAll("[ \\u3000]", ""),
                    card.substring(card.length() - 4))
                    .doesNotContain(card);
        }
        mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf")
                        .with(asClerk(HAKODATE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/pin-resets/" + pi.getId() + "/inquiry.pdf"))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(302, 401)));

        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReceiveAnswer");
        assertThat(task(pi)).hasName("回答書の受付").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(task(pi).getDueDate().toInstant().atZone(ZoneOffset.ofHours(9)).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 28));
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-28T15:00:00Z"));

        // the agent's second visit with the 回答書 and the card
        complete(task(pi));
        assertThat(answerReceived(pi)).isTrue();
        assertThat(pi).isWaitingAt("Task_CheckAgent");
        assertThat(task(pi)).hasName("代理人の本人確認");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        complete(task(pi), Map.of("identityConfirmed", true));
        assertThat(pi).isWaitingAt("Task_SetNewPin");
        String newPin = goodPin(locked);
        assertThat(newPins.submit(newPinRequestId(pi), newPin, newPin).set()).isTrue();
        complete(task(pi));
        assertThat(pi).hasPassed("Task_ReceiveAnswer", "Task_CheckAgent", "End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "RESET");
        assertThat(cards.find(card).orElseThrow().pin().locked()).isFalse();
        String check = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(check, newPin).outcome()).isEqualTo(PinVerification.Outcome.OK);
        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void byAnAgentExpiresWhenNoAnswerComesWithinThirtyDaysAndTheHolderIsToldByMail() throws Exception {
        PdfFont.require();
        String card = newCard(OKUSHIRI);
        holderEmail(card, "pin-reset-holder@test.example");
        Map<String, Object> form = startForm(card, "AGENT");
        form.put("agentName", "代理　花子");
        ProcessInstance pi = startAsClerk(OKUSHIRI, form);
        assertThat(pi).variables().containsEntry("holderEmail", "pin-reset-holder@test.example");
        String inquiryNumber = (String) runtimeService.getVariable(pi.getId(), "inquiryNumber");
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReceiveAnswer");
        fireTimer(pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Event_AnswerOverdue", "Gateway_MailExpired", "Task_MailExpired", "End_Expired")
                .hasNotPassed("Task_CheckAgent").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "EXPIRED");
        assertThat(answerReceived(pi)).isFalse();
        MimeMessage mail = TestMailServer.mailTo("pin-reset-holder@test.example");
        assertThat(mail.getSubject()).contains("【奥尻町】", "暗証番号の再設定の手続きを終了しました", inquiryNumber);
        assertThat((String) mail.getContent()).contains("2026年12月28日", "代理　花子", "心当たりのない申請");
    }

    @Test
    void byAnAgentExpiresWithoutAMailWhenTheRegisterHasNoAddress() {
        PdfFont.require();
        String card = newCard(OKUSHIRI);
        holderEmail(card, null);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card, "AGENT"));
        complete(task(pi));
        fireTimer(pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Gateway_MailExpired", "End_Expired").hasNotPassed("Task_MailExpired").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "EXPIRED");
        assertThat(TestMailServer.received()).isEmpty();
    }

    boolean answerReceived(ProcessInstance pi) {
        return jdbc.sql("""
                select count(*) from pin_reset_inquiry where process_instance_id = ? and answer_received_at is not null""")
                .param(pi.getId()).query(Integer.class).single() == 1;
    }
}
