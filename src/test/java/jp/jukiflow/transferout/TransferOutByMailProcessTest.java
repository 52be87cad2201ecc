package jp.jukiflow.transferout;

import static jp.jukiflow.support.TestMailServer.subjectsTo;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import jp.jukiflow.jukinet.MoveOutCertificateRequest;
import jp.jukiflow.support.DemoMovers.Person;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-out-by-mail" by its routes: the special route ending with the 転入通知 (and the certificate sent again
 * when the destination asks for it), the lapse of the special route with each of the clerk's answers, and the ordinary
 * route (an expired JUKI card, a card not yet continued, the clerk's choice). Asking the resident and the paper
 * channel are in {@link TransferOutQuestionsAndLettersProcessTest}, 国外転出 in {@link TransferOutAbroadProcessTest}.
 */
@DisplayName("転出届（郵送・電子）: 特例転出と一般の転出 / Transfer-out by route")
class TransferOutByMailProcessTest extends TransferOutFixture {

    // ---- web / e-mail intake, special route, 転入通知 ----

    @Test
    void specialTransferOutEndsWithTheMoveInNotice() throws Exception {
        Person p = personWithValidMyNumberCard(0);
        ProcessInstance pi = submitted(p, "web-special");
        assertThat(pi).isStarted().hasPassed("Event_RequestSubmitted");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_SendAcknowledgement", "Task_CheckRequest", "Rule_DecideRoute")
                .isWaitingAt("Task_ReviewRequest");
        assertThat(task(pi)).hasCandidateGroup(OKUSHIRI + "-clerks").hasDueDate(java.util.Date.from(
                java.time.ZonedDateTime.of(2026, 12, 1, 17, 15, 0, 0, java.time.ZoneId.of("Asia/Tokyo")).toInstant()));
        assertThat(pi).variables().containsEntry("route", "SPECIAL").containsEntry("registerMatch", "ALL")
                .containsEntry("cardState", "VALID").containsEntry("lastDayForTransferIn", "2027-01-04");
        assertThat(status(pi)).isEqualTo("UNDER_REVIEW");

        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Gateway_Route", "Task_RecordPlannedMoveOut", "Task_SendCertificateInfo",
                "Task_MailAcceptedSpecial").isWaitingAt("Task_AwaitMoveInNotice");
        assertThat(residentStatus(p.code())).isEqualTo("MOVING_OUT");
        assertThat(expectedMoveIns.find(receipt(pi))).isPresent();
        assertThat(status(pi)).isEqualTo("WAITING_FOR_MOVE_IN");

        jukinet.send(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, receipt(pi),
                new MoveInNotice(receipt(pi), OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 4), List.of(p.code())));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_FinalizeMoveOut", "Task_MailCompleted").isEnded().hasPassed("End_Completed");
        assertThat(residentStatus(p.code())).isEqualTo("DELETED");
        assertThat(status(pi)).isEqualTo("COMPLETED");
        assertThat(subjectsTo(p.email())).anyMatch(s -> s.contains(receipt(pi)));
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
                new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, null, p.code(), asked));
        assertThat(pi).hasPassed("Event_CertificateRequested").isWaitingAt("Task_AwaitMoveInNotice",
                "Task_ResendCertificateInfo");
        // a request naming a receipt number no case has is logged unanswered; the case is not disturbed
        jukinet.send(MessageType.MOVE_OUT_CERTIFICATE_REQUEST, HAKODATE, OKUSHIRI, "013676-2026-999999",
                new MoveOutCertificateRequest(OKUSHIRI, HAKODATE, "013676-2026-999999", null, asked));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_ResendCertificateInfo")
                .count()).isEqualTo(1);

        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_ResendCertificateInfo", "End_CertificateResent").isWaitingAt("Task_AwaitMoveInNotice");
        List<LoggedMessage> certificates = messageLog.messagesAbout(receipt).stream()
                .filter(m -> m.type() == MessageType.MOVE_OUT_CERTIFICATE_INFO && m.direction() == MessageDirection.SENT)
                .toList();
        assertThat(certificates).hasSize(2);
        assertThat(certificates.get(1).messageId()).isNotEqualTo(certificates.get(0).messageId());
        assertThat(certificates.get(1).payload()).isEqualTo(certificates.get(0).payload());
        assertThat(status(pi)).isEqualTo("WAITING_FOR_MOVE_IN");

        jukinet.send(MessageType.MOVE_IN_NOTICE, HAKODATE, OKUSHIRI, receipt,
                new MoveInNotice(receipt, OKUSHIRI, HAKODATE, LocalDate.of(2026, 12, 4), List.of(p.code())));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("End_Completed").isEnded();
    }

    @Test
    void lapsedSpecialRouteWaitsThenIsCancelled() {
        Person p = personWithValidMyNumberCard(1);
        ProcessInstance pi = acceptedSpecial(p, "lapse-cancel");
        fireTimer(pi, "Event_SpecialRouteLapsed");
        assertThat(pi).isWaitingAt("Task_CheckMissingMoveIn");
        assertThat(task(pi)).hasCandidateGroup(OKUSHIRI + "-clerks");
        complete(task(pi), withVariables("missingMoveInDecision", "WAIT", "transferInDeadline", "2027-01-20"));
        assertThat(pi).isWaitingAt("Task_AwaitMoveInNotice");

        fireTimer(pi, "Event_SpecialRouteLapsed");
        complete(task(pi), withVariables("missingMoveInDecision", "CANCEL"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_CancelMoveOut", "Task_SendCancellationNotice", "Task_MailCancelled",
                "End_Cancelled").isEnded();
        assertThat(residentStatus(p.code())).isEqualTo("RESIDENT");
        assertThat(status(pi)).isEqualTo("CANCELLED");
        // 転出取消 reached the destination over Juki-net: it expects the move-in no more
        assertThat(expectedMoveIns.find(receipt(pi))).get().extracting(m -> m.status())
                .isEqualTo(jp.jukiflow.jukinet.ExpectedMoveInStatus.CANCELLED);
        // the 住民票コード it carried is a provision to 函館市長, listed by 提供状況の開示
        assertThat(jdbc.sql("select purpose from provision_record where subject_resident_code = ? and recipient_code = ?")
                .param(p.code()).param(HAKODATE).query(String.class).list())
                .contains("転出取消の通知（転出証明書情報を通知した転出先市区町村へ）");
    }

    @Test
    void lapsedSpecialRouteEndsWithASubstituteCertificate() {
        Person p = personWithValidMyNumberCard(2);
        ProcessInstance pi = acceptedSpecial(p, "lapse-certificate");
        fireTimer(pi, "Event_SpecialRouteLapsed");
        complete(task(pi), withVariables("missingMoveInDecision", "CERTIFICATE"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailSubstituteCertificate", "End_SubstituteCertificate").isEnded();
        assertThat(status(pi)).isEqualTo("SUBSTITUTE_CERTIFICATE_SENT");
    }

    // ---- ordinary route: every JUKI card today ----

    @Test
    void expiredJukiCardGivesTheOrdinaryRouteWithAPaperCertificate() {
        Person p = personWithJukiCard();
        ProcessInstance pi = submitted(p, "juki-ordinary", "JUKI");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        assertThat(pi).variables().containsEntry("route", "ORDINARY").containsEntry("cardState", "EXPIRED");
        complete(task(pi), withVariables("reviewDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("Task_IssuePaperCertificate");
        complete(task(pi), withVariables("certificateMailedOn", "2026-11-27"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_RecordOrdinaryMoveOut", "Task_MailAcceptedOrdinary", "End_OrdinaryCertificateSent")
                .isEnded();
        assertThat(residentStatus(p.code())).isEqualTo("MOVING_OUT");
        assertThat(status(pi)).isEqualTo("ORDINARY_CERTIFICATE_SENT");
    }

    @Test
    void aCardNotYetContinuedGivesTheOrdinaryRouteAndLapsesAfterTheAcceptance() {
        // the holder moved in with this card and has not continued it: moving again, the card lapses (docs/domain.md §3)
        Person p = personWithValidMyNumberCard(7);
        String card = jdbc.sql("select card_number from card where resident_code = ? and card_type = 'MY_NUMBER' "
                + "and status = 'ACTIVE'").param(p.code()).query(String.class).list().get(0);
        continuations.recordPending(card, OKUSHIRI, LocalDate.of(2026, 11, 20), "test:not-continued:" + card);
        try {
            ProcessInstance pi = submitted(p, "not-continued");
            executeDueJobs(pi);
            assertThat(pi).isWaitingAt("Task_ReviewRequest");
            assertThat(pi).variables().containsEntry("route", "ORDINARY").containsEntry("cardState", "NOT_CONTINUED");
            assertThat((String) runtimeService.getVariable(pi.getId(), "routeReason"))
                    .contains("継続利用の手続きがされていないため");
            complete(task(pi), withVariables("reviewDecision", "ACCEPT"));
            assertThat(pi).isWaitingAt("Task_IssuePaperCertificate");
            complete(task(pi), withVariables("certificateMailedOn", "2026-11-27"));
            executeDueJobs(pi);
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
}
