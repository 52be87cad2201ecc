package jp.jukiflow.widearea;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import jp.jukiflow.audit.ProvisionRecord;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.widearea.CopyHouseholds.Family;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code wide-area-copy} when the answer does not come as it should: a home municipality that cannot be reached
 * (retries, then an incident), an answer that comes after the clerk stopped waiting (asked again, then withdrawn), or
 * never (given up).
 */
@DisplayName("広域交付住民票: 回答が来ない / Wide-area copy: the answer does not come")
class WideAreaCopyWithoutAnswerProcessTest extends WideAreaCopyFixture {

    @Test
    void anUnreachableHomeMunicipalityEndsInAnIncidentAfterTheRetries() {
        Family family = households.create(OKUSHIRI, 1);
        Map<String, Object> form = photoForm(family.head());
        form.put("homeMunicipalityCode", CHIYODA);
        ProcessInstance pi = startAsClerk(HAKODATE, form);
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
        ProcessInstance pi = startAsClerk(HAKODATE, photoForm(family.head()));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_SendRequest").isWaitingAt("Gateway_AwaitAnswer");
        // no answer in time: the clerk looks at the case
        fireTimer(pi, "Event_CopyAnswerOverdue");
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
        ProcessInstance pi = startAsClerk(HAKODATE, photoForm(family.head()));
        executeDueJobs(pi);
        fireTimer(pi, "Event_CopyAnswerOverdue");
        complete(task(pi), Map.of("missingAnswerDecision", "GIVE_UP"));
        assertThat(pi).hasPassed("End_NoAnswer").isEnded();
        assertThat(historicVariable(pi, "copyOutcome")).isEqualTo("NO_ANSWER");
        // the answer process still runs on its own at 奥尻町 and is accepted when it comes
        runAnswers(pi.getBusinessKey());
    }
}
