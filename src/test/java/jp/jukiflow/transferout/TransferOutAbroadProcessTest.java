package jp.jukiflow.transferout;

import static jp.jukiflow.support.TestMailServer.subjectsTo;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeUtility;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.support.DemoMovers.Person;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.support.TestMailServer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-out-by-mail" for 国外転出: never special, no 転出証明書, the 除票 on the move-out date, the card lapsed
 * unless a Japanese holder keeps it for use abroad (with the PIN, before the move-out date).
 */
@DisplayName("国外転出 / Moving abroad")
class TransferOutAbroadProcessTest extends TransferOutFixture {

    // ---- 国外転出: never special, no 転出証明書; 除票 on the move-out date; the card lapses unless kept abroad ----

    @Test
    void movingAbroadIsNeverSpecialAndTheMoversBecomeJohyoOnTheMoveOutDateTheirCardLapsed() throws Exception {
        Person p = personWithValidMyNumberCard(9);
        String card = cardOf(p);
        ProcessInstance pi = abroadAccepted(p, "abroad-lapse");
        assertThat(pi).variables().containsEntry("abroadMoveOutDate", "2026-12-03");
        assertThat(residentStatus(p.code())).isEqualTo("MOVING_OUT");
        assertThat(status(pi)).isEqualTo("MOVING_ABROAD");
        assertThat(expectedMoveIns.find(receipt(pi))).isEmpty();
        String text = mailTextTo(p.email(), "国外への転出届を受理しました");
        assertThat(text).contains("除票", "国外継続利用", "前日まで").doesNotContain("転出証明書", "転入届");
        assertThat(mailTextTo(p.email(), "転出届を受け付けました")).contains("国外への転出として受理した場合")
                .doesNotContain("転出証明書", "特例転入");

        onTheMoveOutDate(() -> fireTimer(pi, "Event_MoveOutDateReached"));
        assertThat(pi).hasPassed("Task_FinalizeAbroadMoveOut", "End_MovedAbroad").isEnded();
        assertThat(residentStatus(p.code())).isEqualTo("DELETED");
        assertThat(jdbc.sql("select reason from removed_record where resident_code = ?").param(p.code())
                .query(String.class).single()).as("除票 of 国外転出").isEqualTo("ABROAD");
        assertThat(status(pi)).isEqualTo("MOVED_ABROAD");
        assertThat(cardStatus(card)).isEqualTo("LAPSED");
        assertThat(jdbc.sql("select e.reason from card_event e join card c on c.id = e.card_id where c.card_number = ?"
                + " and e.event_type = 'LAPSED_MOVED_ABROAD'").param(card).query(String.class).single()).contains("国外転出");
        assertThat(subjectsTo(p.email())).noneMatch(sub -> sub.contains("転出証明書"));
    }

    @Test
    void aJapaneseHolderKeepsTheMyNumberCardForUseAbroadWithThePinBeforeTheMoveOutDate() {
        Person p = personWithValidMyNumberCard(10);
        String card = cardOf(p);
        ProcessInstance pi = abroadAccepted(p, "abroad-keep");
        org.camunda.bpm.engine.task.Task request = task(pi);
        assertThat(request).hasCandidateGroup(OKUSHIRI + "-clerks");
        // without the PIN confirmed the clerk's completion is refused and the task stays
        assertThatThrownBy(() -> complete(request, withVariables("abroadPinRequestId", "")))
                .hasMessageContaining("暗証番号");
        assertThat(pi).isWaitingAt("Task_AcceptAbroadCardUse");

        String pinRequest = pinRequests.open(card, PinPurpose.ABROAD_CONTINUED_USE, OKUSHIRI,
                "test " + receipt(pi)).id();
        pinRequests.submit(pinRequest, "2468");
        complete(task(pi), withVariables("abroadPinRequestId", pinRequest));
        assertThat(pi).hasPassed("Task_AcceptAbroadCardUse").isWaitingAt("Event_AwaitMoveOutDate");
        assertThat(jdbc.sql("select count(*) from card_event e join card c on c.id = e.card_id where c.card_number = ?"
                + " and e.event_type = 'ENDORSED_ABROAD'").param(card).query(Integer.class).single()).isOne();

        onTheMoveOutDate(() -> fireTimer(pi, "Event_AwaitMoveOutDate"));
        assertThat(pi).hasPassed("Task_FinalizeAbroadMoveOut", "End_MovedAbroad").isEnded();
        assertThat(residentStatus(p.code())).isEqualTo("DELETED");
        assertThat(cardStatus(card)).as("kept for use abroad").isEqualTo("ACTIVE");
    }

    /** The timer of the move-out date fires on that day (the 除票 refuses a date after the application's today). */
    void onTheMoveOutDate(Runnable fire) {
        TestClock.of(clock).at(Instant.parse("2026-12-03T00:30:00Z"), () -> {
            fire.run();
            return null;
        });
    }

    ProcessInstance abroadAccepted(Person p, String source) {
        TransferOutForm form = p.transferOutForm("MY_NUMBER");
        form = new TransferOutForm(form.plannedMoveOutDate(), null, form.filer(), form.currentAddress(),
                form.headOfHousehold(), new TransferOutForm.NewAddress(null, "アメリカ合衆国カリフォルニア州サンノゼ市1番"),
                form.newHeadOfHousehold(), form.movers(), "0", "MY_NUMBER", "true", form.phone(), form.email());
        Receipt receipt = intake.submit(OKUSHIRI, form, IntakeChannel.WEB, List.of(), Instant.parse("2026-11-26T01:00:00Z"),
                "test:" + source + ":" + System.nanoTime());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
        executeDueJobs(pi);
        assertThat(pi).variables().containsEntry("abroad", true).containsEntry("route", "ORDINARY")
                .hasEntrySatisfying("routeReason", r -> assertThat((String) r).contains("国外"));
        // even a clerk choosing the special route cannot make a move abroad special
        complete(task(pi), withVariables("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_RecordAbroadMoveOut", "Task_MailAcceptedAbroad")
                .hasNotPassed("Task_RecordPlannedMoveOut", "Task_SendCertificateInfo", "Task_IssuePaperCertificate")
                .isWaitingAt("Task_AcceptAbroadCardUse");
        return pi;
    }

    String cardOf(Person p) {
        return jdbc.sql("select card_number from card where resident_code = ? and card_type = 'MY_NUMBER' and status = 'ACTIVE'")
                .param(p.code()).query(String.class).single();
    }

    String cardStatus(String card) {
        return jdbc.sql("select status from card where card_number = ?").param(card).query(String.class).single();
    }

    String mailTextTo(String address, String subjectPart) throws Exception {
        return MimeUtility.decodeText(String.valueOf(TestMailServer.mailTo(address, subjectPart).getContent()));
    }
}
