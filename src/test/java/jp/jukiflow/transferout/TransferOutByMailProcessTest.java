package jp.jukiflow.transferout;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.ProcessTestSupport.fireTimer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.jukinet.ExpectedMoveIns;
import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.JukinetMessageLog;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MoveInNotice;
import jp.jukiflow.jukinet.MoveOutCertificateRequest;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
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
 * Every path of "transfer-out-by-mail": each intake channel, each review outcome, both routes, the 転入通知, the
 * lapse of the special route with each of the clerk's answers, and the reminder and close of an unanswered
 * question. The coverage report (target/process-test-coverage) must show every flow node and sequence flow.
 */
@JukiflowTest
class TransferOutByMailProcessTest {

    static final String PROCESS = "transfer-out-by-mail";
    static final String OKUSHIRI = "013676";
    static final String HAKODATE = "012025";
    @Autowired
    private java.time.Clock clock;

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
    JukinetGateway jukinet;
    @Autowired
    ExpectedMoveIns expectedMoveIns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    jp.jukiflow.card.CardContinuations continuations;
    @Autowired
    JukinetMessageLog messageLog;
    @Autowired
    jp.jukiflow.pin.PinRequests pinRequests;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identityService.clearAuthentication();
    }

    // ---- web / e-mail intake, special route, 転入通知 ----

    @Test
    void specialTransferOutEndsWithTheMoveInNotice() throws Exception {
        Person p = personWithValidMyNumberCard(0);
        ProcessInstance pi = submitted(p, "web-special");
        assertThat(pi).isStarted().hasPassed("Event_RequestSubmitted");
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_SendAcknowledgement", "Task_CheckRequest", "Rule_DecideRoute")
                .isWaitingAt("Task_ReviewRequest");
        assertThat(task(pi)).hasCandidateGroup(OKUSHIRI + "-clerks").hasDueDate(java.util.Date.from(
                java.time.ZonedDateTime.of(2026, 12, 1, 17, 15, 0, 0, java.time.ZoneId.of("Asia/Tokyo")).toInstant()));
        assertThat(pi).variables().containsEntry("route", "SPECIAL").containsEntry("registerMatch", "ALL")
                .containsEntry("cardState", "VALID").containsEntry("lastDayForTransferIn", "2027-01-04");
        assertThat(status(pi)).isEqualTo("UNDER_REVIEW");

        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Gateway_Route", "Task_RecordPlannedMoveOut", "Task_SendCertificateInfo",
                "Task_MailAcceptedSpecial").isWaitingAt("Task_AwaitMoveInNotice");
        assertThat(residentStatus(p.code)).isEqualTo("MOVING_OUT");
        assertThat(expectedMoveIns.find(receipt(pi))).isPresent();
        assertThat(status(pi)).isEqualTo("WAITING_FOR_MOVE_IN");

        jukinet.send(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, receipt(pi),
                new MoveInNotice(receipt(pi), OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 4), List.of(p.code)));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_FinalizeMoveOut", "Task_MailCompleted").isEnded().hasPassed("End_Completed");
        assertThat(residentStatus(p.code)).isEqualTo("DELETED");
        assertThat(status(pi)).isEqualTo("COMPLETED");
        assertThat(subjectsTo(p.email)).anyMatch(s -> s.contains(receipt(pi)));
    }

    @Test
    void theDestinationAsksForTheCertificateAndTheCaseSendsItAgainWhileItWaits() {
        Person p = personWithValidMyNumberCard(8);
        ProcessInstance pi = acceptedSpecial(p, "certificate-request");
        String receipt = receipt(pi);
        Instant asked = Instant.parse("2026-11-26T01:00:00Z");

        // 函館市 asks by the 住民票コード (its counter did not know the receipt number): the waiting case takes it,
        // the answer is a job of the case, not sent inside the request
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, HAKODATE, OKUSHIRI, "test-request-" + receipt,
                new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, null, p.code, asked));
        assertThat(pi).hasPassed("Event_CertificateRequested").isWaitingAt("Task_AwaitMoveInNotice",
                "Task_ResendCertificateInfo");
        // a request naming a receipt number no case has is logged unanswered; the case is not disturbed
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, HAKODATE, OKUSHIRI, "013676-2026-999999",
                new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, "013676-2026-999999", null, asked));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_ResendCertificateInfo")
                .count()).isEqualTo(1);

        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_ResendCertificateInfo", "End_CertificateResent").isWaitingAt("Task_AwaitMoveInNotice");
        List<LoggedMessage> certificates = messageLog.messagesAbout(receipt).stream()
                .filter(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_INFO && m.direction() == MessageDirection.SENT)
                .toList();
        assertThat(certificates).hasSize(2);
        assertThat(certificates.get(1).messageId()).isNotEqualTo(certificates.get(0).messageId());
        assertThat(certificates.get(1).payload()).isEqualTo(certificates.get(0).payload());
        assertThat(status(pi)).isEqualTo("WAITING_FOR_MOVE_IN");

        jukinet.send(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, receipt,
                new MoveInNotice(receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 4), List.of(p.code)));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("End_Completed").isEnded();
    }

    @Test
    void lapsedSpecialRouteWaitsThenIsCancelled() {
        Person p = personWithValidMyNumberCard(1);
        ProcessInstance pi = acceptedSpecial(p, "lapse-cancel");
        fireTimer(management, pi, "Event_SpecialRouteLapsed");
        assertThat(pi).isWaitingAt("Task_CheckMissingMoveIn");
        assertThat(task(pi)).hasCandidateGroup(OKUSHIRI + "-clerks");
        complete(task(pi), withVariables("missingMoveInDecision", "WAIT", "transferInDeadline", "2027-01-20"));
        assertThat(pi).isWaitingAt("Task_AwaitMoveInNotice");

        fireTimer(management, pi, "Event_SpecialRouteLapsed");
        complete(task(pi), withVariables("missingMoveInDecision", "CANCEL"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_CancelMoveOut", "Task_SendCancellationNotice", "Task_MailCancelled",
                "End_Cancelled").isEnded();
        assertThat(residentStatus(p.code)).isEqualTo("RESIDENT");
        assertThat(status(pi)).isEqualTo("CANCELLED");
        // 転出取消 reached the destination over Juki-net: it expects the move-in no more
        assertThat(expectedMoveIns.find(receipt(pi))).get().extracting(m -> m.status())
                .isEqualTo(jp.jukiflow.jukinet.ExpectedMoveInStatus.CANCELLED);
        // the 住民票コード it carried is a provision to 函館市長, listed by 提供状況の開示
        assertThat(jdbc.sql("select purpose from provision_record where subject_resident_code = ? and recipient_code = ?")
                .param(p.code).param(HAKODATE).query(String.class).list())
                .contains("転出取消の通知（転出証明書情報を通知した転出先市区町村へ）");
    }

    @Test
    void lapsedSpecialRouteEndsWithASubstituteCertificate() {
        Person p = personWithValidMyNumberCard(2);
        ProcessInstance pi = acceptedSpecial(p, "lapse-certificate");
        fireTimer(management, pi, "Event_SpecialRouteLapsed");
        complete(task(pi), withVariables("missingMoveInDecision", "CERTIFICATE"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailSubstituteCertificate", "End_SubstituteCertificate").isEnded();
        assertThat(status(pi)).isEqualTo("SUBSTITUTE_CERTIFICATE_SENT");
    }

    // ---- ordinary route: every JUKI card today ----

    @Test
    void expiredJukiCardGivesTheOrdinaryRouteWithAPaperCertificate() {
        Person p = personWithJukiCard();
        ProcessInstance pi = submitted(p, "juki-ordinary", "JUKI");
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        assertThat(pi).variables().containsEntry("route", "ORDINARY").containsEntry("cardState", "EXPIRED");
        complete(task(pi), withVariables("reviewDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("Task_IssuePaperCertificate");
        complete(task(pi), withVariables("certificateMailedOn", "2026-11-27"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_RecordOrdinaryMoveOut", "Task_MailAcceptedOrdinary", "End_OrdinaryCertificateSent")
                .isEnded();
        assertThat(residentStatus(p.code)).isEqualTo("MOVING_OUT");
        assertThat(status(pi)).isEqualTo("ORDINARY_CERTIFICATE_SENT");
    }

    @Test
    void aCardNotYetContinuedGivesTheOrdinaryRouteAndLapsesAfterTheAcceptance() {
        // the holder moved in with this card and has not continued it: moving again, the card lapses (DOMAIN.md §3)
        Person p = personWithValidMyNumberCard(7);
        String card = jdbc.sql("select card_number from card where resident_code = ? and card_type = 'MY_NUMBER' "
                + "and status = 'ACTIVE'").param(p.code).query(String.class).list().get(0);
        continuations.recordPending(card, OKUSHIRI, java.time.LocalDate.of(2026, 11, 20), "test:not-continued:" + card);
        try {
            ProcessInstance pi = submitted(p, "not-continued");
            executeDueJobs(management, pi);
            assertThat(pi).isWaitingAt("Task_ReviewRequest");
            assertThat(pi).variables().containsEntry("route", "ORDINARY").containsEntry("cardState", "NOT_CONTINUED");
            assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason"))
                    .contains("継続利用の手続きがされていないため");
            complete(task(pi), withVariables("reviewDecision", "ACCEPT"));
            assertThat(pi).isWaitingAt("Task_IssuePaperCertificate");
            complete(task(pi), withVariables("certificateMailedOn", "2026-11-27"));
            executeDueJobs(management, pi);
            assertThat(pi).hasPassed("Task_RecordOrdinaryMoveOut");
            continuations.lapseOverdue();
            assertThat(jdbc.sql("select status from card where card_number = ?").param(card).query(String.class)
                    .single()).isEqualTo("LAPSED");
        } finally {
            jdbc.sql("update card set status = 'ACTIVE' where card_number = ?").param(card).update();
            jdbc.sql("update card_continuation set status = 'CONTINUED' where card_number = ?").param(card).update();
        }
    }

    @Test
    void clerkChoosesTheOrdinaryRouteAgainstTheTableAndTheReasonFollows() {
        Person p = personWithValidMyNumberCard(7);
        ProcessInstance pi = reviewed(p, "clerk-ordinary");
        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "ORDINARY"));
        assertThat(pi).isWaitingAt("Task_IssuePaperCertificate");
        assertThat(pi).variables().hasEntrySatisfying("routeReason", r -> assertThat((String) r).contains("担当者"));
    }

    // ---- asking the resident ----

    @Test
    void askedResidentAnswersByPostThenTheRequestIsRejected() {
        Person p = personWithValidMyNumberCard(3);
        ProcessInstance pi = reviewed(p, "ask-post");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "本人確認書類の写しを送ってください。"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailMissingInfo").isWaitingAt("Task_AwaitAdditionalInfo");
        assertThat(status(pi)).isEqualTo("WAITING_FOR_RESIDENT");
        assertThat(pi).variables().containsEntry("answerBy", "2026-12-10");
        complete(task(pi), withVariables("additionalInfo", "運転免許証の写しが郵送で届いた"));
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        complete(task(pi), withVariables("reviewDecision", "REJECT", "rejectionReason", "委任状がありません。"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_MailRejection", "End_Rejected").isEnded();
        assertThat(status(pi)).isEqualTo("REJECTED");
    }

    @Test
    void askedResidentAnswersByMail() {
        Person p = personWithValidMyNumberCard(4);
        ProcessInstance pi = reviewed(p, "ask-mail");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "新住所の番地を教えてください。"));
        executeDueJobs(management, pi);
        runtimeService.createMessageCorrelation("TransferOutAdditionalInfo").processInstanceBusinessKey(receipt(pi))
                .setVariable("additionalInfo", "五稜郭町1番1号です").correlate();
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Event_AdditionalInfoMailed").isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void unansweredQuestionIsRemindedThenClosed() {
        Person p = personWithValidMyNumberCard(5);
        ProcessInstance pi = reviewed(p, "ask-silent");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "カードの写しを送ってください。"));
        executeDueJobs(management, pi);
        fireTimer(management, pi, "Event_ReminderDue");
        assertThat(pi).hasPassed("Task_MailReminder", "End_ReminderSent").isWaitingAt("Task_AwaitAdditionalInfo");
        fireTimer(management, pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Task_MailClosedIncomplete", "End_ClosedIncomplete").isEnded();
        assertThat(status(pi)).isEqualTo("CLOSED_INCOMPLETE");
    }

    // ---- 国外転出: never special, no 転出証明書; 除票 on the move-out date; the card lapses unless kept abroad ----

    @Test
    void movingAbroadIsNeverSpecialAndTheMoversBecomeJohyoOnTheMoveOutDateTheirCardLapsed() throws Exception {
        Person p = personWithValidMyNumberCard(9);
        String card = cardOf(p);
        ProcessInstance pi = abroadAccepted(p, "abroad-lapse");
        assertThat(pi).variables().containsEntry("abroadMoveOutDate", "2026-12-03");
        assertThat(residentStatus(p.code)).isEqualTo("MOVING_OUT");
        assertThat(status(pi)).isEqualTo("MOVING_ABROAD");
        assertThat(expectedMoveIns.find(receipt(pi))).isEmpty();
        String text = mailTextTo(p.email, "国外への転出届を受理しました");
        assertThat(text).contains("除票", "国外継続利用", "前日まで").doesNotContain("転出証明書", "転入届");
        assertThat(mailTextTo(p.email, "転出届を受け付けました")).contains("国外への転出として受理した場合")
                .doesNotContain("転出証明書", "特例転入");

        onTheMoveOutDate(() -> fireTimer(management, pi, "Event_MoveOutDateReached"));
        assertThat(pi).hasPassed("Task_FinalizeAbroadMoveOut", "End_MovedAbroad").isEnded();
        assertThat(residentStatus(p.code)).isEqualTo("DELETED");
        assertThat(jdbc.sql("select reason from removed_record where resident_code = ?").param(p.code)
                .query(String.class).single()).as("除票 of 国外転出").isEqualTo("ABROAD");
        assertThat(status(pi)).isEqualTo("MOVED_ABROAD");
        assertThat(cardStatus(card)).isEqualTo("LAPSED");
        assertThat(jdbc.sql("select e.reason from card_event e join card c on c.id = e.card_id where c.card_number = ?"
                + " and e.event_type = 'LAPSED_MOVED_ABROAD'").param(card).query(String.class).single()).contains("国外転出");
        assertThat(subjectsTo(p.email)).noneMatch(sub -> sub.contains("転出証明書"));
    }

    @Test
    void aJapaneseHolderKeepsTheMyNumberCardForUseAbroadWithThePinBeforeTheMoveOutDate() {
        Person p = personWithValidMyNumberCard(10);
        String card = cardOf(p);
        ProcessInstance pi = abroadAccepted(p, "abroad-keep");
        org.camunda.bpm.engine.task.Task request = task(pi);
        assertThat(request).hasCandidateGroup(OKUSHIRI + "-clerks");
        // without the PIN confirmed the clerk's completion is refused and the task stays
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(request, withVariables("abroadPinRequestId", "")))
                .hasMessageContaining("暗証番号");
        assertThat(pi).isWaitingAt("Task_AcceptAbroadCardUse");

        String pinRequest = pinRequests.open(card, jp.jukiflow.card.PinPurpose.ABROAD_CONTINUED_USE, OKUSHIRI,
                "test " + receipt(pi)).id();
        pinRequests.submit(pinRequest, "2468");
        complete(task(pi), withVariables("abroadPinRequestId", pinRequest));
        assertThat(pi).hasPassed("Task_AcceptAbroadCardUse").isWaitingAt("Event_AwaitMoveOutDate");
        assertThat(jdbc.sql("select count(*) from card_event e join card c on c.id = e.card_id where c.card_number = ?"
                + " and e.event_type = 'ENDORSED_ABROAD'").param(card).query(Integer.class).single()).isOne();

        onTheMoveOutDate(() -> fireTimer(management, pi, "Event_AwaitMoveOutDate"));
        assertThat(pi).hasPassed("Task_FinalizeAbroadMoveOut", "End_MovedAbroad").isEnded();
        assertThat(residentStatus(p.code)).isEqualTo("DELETED");
        assertThat(cardStatus(card)).as("kept for use abroad").isEqualTo("ACTIVE");
    }

    /** The timer of the move-out date fires on that day (the 除票 refuses a date after the application's today). */
    private void onTheMoveOutDate(Runnable fire) {
        TestClock.of(clock).at(Instant.parse("2026-12-03T00:30:00Z"), () -> {
            fire.run();
            return null;
        });
    }

    private ProcessInstance abroadAccepted(Person p, String source) {
        TransferOutForm form = form(p, "MY_NUMBER");
        form = new TransferOutForm(form.plannedMoveOutDate(), null, form.filer(), form.currentAddress(),
                form.headOfHousehold(), new TransferOutForm.NewAddress(null, "アメリカ合衆国カリフォルニア州サンノゼ市1番"),
                form.newHeadOfHousehold(), form.movers(), "0", "MY_NUMBER", "true", form.phone(), form.email());
        Receipt receipt = intake.submit(OKUSHIRI, form, IntakeChannel.WEB, List.of(), Instant.parse("2026-11-26T01:00:00Z"),
                "test:" + source + ":" + System.nanoTime());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
        executeDueJobs(management, pi);
        assertThat(pi).variables().containsEntry("abroad", true).containsEntry("route", "ORDINARY")
                .hasEntrySatisfying("routeReason", r -> assertThat((String) r).contains("国外"));
        // even a clerk choosing the special route cannot make a move abroad special
        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, pi);
        assertThat(pi).hasPassed("Task_RecordAbroadMoveOut", "Task_MailAcceptedAbroad")
                .hasNotPassed("Task_RecordPlannedMoveOut", "Task_SendCertificateInfo", "Task_IssuePaperCertificate")
                .isWaitingAt("Task_AcceptAbroadCardUse");
        return pi;
    }

    private String cardOf(Person p) {
        return jdbc.sql("select card_number from card where resident_code = ? and card_type = 'MY_NUMBER' and status = 'ACTIVE'")
                .param(p.code).query(String.class).single();
    }

    private String cardStatus(String card) {
        return jdbc.sql("select status from card where card_number = ?").param(card).query(String.class).single();
    }

    private String mailTextTo(String address, String subjectPart) throws Exception {
        for (MimeMessage m : TestMailServer.received()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
                    && subject(m).contains(subjectPart)) {
                return jakarta.mail.internet.MimeUtility.decodeText(String.valueOf(m.getContent()));
            }
        }
        throw new AssertionError("no mail \"" + subjectPart + "\" to " + address);
    }

    // ---- paper channel: a clerk types a posted letter in Tasklist ----

    @Test
    void clerkTypesAPostedLetterAndCorrectsAMistake() {
        Person p = personWithValidMyNumberCard(6);
        identityService.setAuthentication("okushiri-clerk", List.of(OKUSHIRI + "-clerks"), List.of(OKUSHIRI));
        Map<String, Object> letter = paperForm(p);
        letter.put("filerBirthDate", "1980-02-30");
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionWithoutTenantId()
                .setVariables(letter).execute();
        identityService.clearAuthentication();
        assertThat(pi).hasPassed("Event_PaperRequestEntered", "Event_PaperRequestInvalid")
                .isWaitingAt("Task_CorrectPaperRequest");
        assertThat(pi).variables().hasEntrySatisfying("validationErrors",
                v -> assertThat((String) v).contains("届出人の生年月日"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getTenantId())
                .isEqualTo(OKUSHIRI);

        complete(task(pi), withVariables("filerBirthDate", p.birthDate));
        assertThat(pi).hasPassed("Task_RegisterPaperRequest");
        String receipt = (String) runtimeService.getVariable(pi.getId(), "receiptNumber");
        assertThat(receipt).startsWith(OKUSHIRI + "-2026-");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo(receipt);
        assertThat(cases.find(receipt)).get().extracting(c -> c.channel()).isEqualTo("PAPER");
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void aPostedLetterToTheOriginItselfGoesBackToTheClerkWithTheTenkyoReasonAndNoNumber() {
        Person p = personWithValidMyNumberCard(8);
        identityService.setAuthentication("okushiri-clerk", List.of(OKUSHIRI + "-clerks"), List.of(OKUSHIRI));
        Map<String, Object> letter = paperForm(p);
        letter.put("newMunicipalityCode", OKUSHIRI);
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionWithoutTenantId()
                .setVariables(letter).execute();
        identityService.clearAuthentication();
        assertThat(pi).hasPassed("Event_PaperRequestInvalid").isWaitingAt("Task_CorrectPaperRequest");
        assertThat(pi).variables().doesNotContainKey("receiptNumber").hasEntrySatisfying("validationErrors",
                v -> assertThat((String) v).contains("転居届"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isNull();
    }

    // ---- helpers ----

    private ProcessInstance acceptedSpecial(Person p, String source) {
        ProcessInstance pi = reviewed(p, source);
        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_AwaitMoveInNotice");
        return pi;
    }

    private ProcessInstance reviewed(Person p, String source) {
        ProcessInstance pi = submitted(p, source);
        executeDueJobs(management, pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        return pi;
    }

    private ProcessInstance submitted(Person p, String source) {
        return submitted(p, source, "MY_NUMBER");
    }

    private ProcessInstance submitted(Person p, String source, String cardType) {
        Receipt receipt = intake.submit(OKUSHIRI, form(p, cardType), IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:" + source + ":" + System.nanoTime());
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
    }

    private String receipt(ProcessInstance pi) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0
                ? runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey()
                : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey();
    }

    private String status(ProcessInstance pi) {
        return cases.find(receipt(pi)).orElseThrow().statusCode();
    }

    private String residentStatus(String code) {
        return jdbc.sql("select status from resident where resident_code = ?").param(code).query(String.class).single();
    }

    private List<String> subjectsTo(String address) throws Exception {
        return Arrays.stream(TestMailServer.received())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .map(TransferOutByMailProcessTest::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    record Person(String code, String familyName, String givenName, String kana, String birthDate, String sex,
                  String address, String email) {
        String name() {
            return familyName + " " + givenName;
        }
    }

    /** The n-th adult of 奥尻町 with an active, unlocked, valid My Number Card (distinct per test). */
    private Person personWithValidMyNumberCard(int n) {
        return person("""
                select r.* from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.pin_locked = false
                  and c.valid_until > date '2026-12-31' and r.birth_date < date '2000-01-01'
                order by r.resident_code""", n);
    }

    private Person personWithJukiCard() {
        return person("""
                select r.* from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and c.card_type = 'JUKI'
                order by r.resident_code""", 0);
    }

    private Person person(String sql, int n) {
        List<Person> people = jdbc.sql(sql).query((rs, i) -> new Person(rs.getString("resident_code"),
                rs.getString("family_name"), rs.getString("given_name"),
                rs.getString("family_name_kana") + " " + rs.getString("given_name_kana"),
                rs.getDate("birth_date").toLocalDate().toString(), rs.getString("sex"), rs.getString("address"),
                "resident-" + rs.getString("resident_code") + "@test.example")).list();
        return people.get(n);
    }

    private static TransferOutForm form(Person p, String cardType) {
        return new TransferOutForm("2026-12-03", null,
                new TransferOutForm.Filer(p.name(), p.kana, p.birthDate, "本人"), p.address, p.name(),
                new TransferOutForm.NewAddress(HAKODATE, "北海道函館市五稜郭町1番1号"), p.name(),
                List.of(new TransferOutForm.Mover(p.name(), p.kana, p.birthDate, "MALE".equals(p.sex) ? "男" : "女", "世帯主")),
                "0", cardType, "true", "01397-2-3111", p.email);
    }

    private Map<String, Object> paperForm(Person p) {
        Map<String, Object> v = new HashMap<>();
        v.put("letterArrivedOn", "2026-11-26");
        v.put("plannedMoveOutDate", "2026-12-03");
        v.put("filerName", p.name());
        v.put("filerNameKana", p.kana);
        v.put("filerBirthDate", p.birthDate);
        v.put("filerRelation", "本人");
        v.put("currentAddress", p.address);
        v.put("headOfHousehold", p.name());
        v.put("newMunicipalityCode", HAKODATE);
        v.put("newAddress", "北海道函館市本町1番1号");
        v.put("newHeadOfHousehold", p.name());
        v.put("moversText", p.name() + ", " + p.kana + ", " + p.birthDate + ", " + ("MALE".equals(p.sex) ? "男" : "女") + ", 世帯主");
        v.put("cardHolderNumber", "1");
        v.put("cardType", "MY_NUMBER");
        v.put("continuedUse", "true");
        v.put("phone", "01397-2-3111");
        return v;
    }
}
