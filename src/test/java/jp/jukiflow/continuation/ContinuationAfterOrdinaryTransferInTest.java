package jp.jukiflow.continuation;

import static jp.jukiflow.continuation.ContinuationTestCards.PIN;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.ProcessTestFixture;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "card-continuation" after an ordinary 転入 with a paper 転出証明書 (docs/domain.md §3, corrected; issue 12, rules 2 and 12):
 * the clerk gives the day the 転入届 was received and the move-in date; a 転入届 filed within 14 days of the move-in
 * (closed last day rolled) allows the continuation within 90 days of that 転入届, a late one is refused with the reason,
 * and impossible dates refuse the start leaving nothing. The clock is pinned to Thursday 2026-11-26 10:00 JST.
 */
class ContinuationAfterOrdinaryTransferInTest extends ProcessTestFixture {

    static final String PROCESS = "card-continuation";

    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardContinuations continuations;
    @Autowired
    PinHasher pinHasher;

    @AfterEach
    void retireTestCards() {
        ContinuationTestCards.retireAll(jdbc);
    }

    @Test
    void aTimelyOrdinaryTransferInAllowsTheContinuationCountedFromItsFilingDay() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        // moved in Saturday 10/31: day 14 is Saturday 11/14 → Monday 11/16, the 転入届 came that day
        ProcessInstance pi = checked(card, "2026-10-31", "2026-11-16");
        assertThat(pi).variables().containsEntry("specialTransferIn", false).containsEntry("ordinaryTransferIn", true)
                .containsEntry("transferInTimely", true).containsEntry("lastDayForTransferIn", "2026-11-16")
                .containsEntry("withinNinetyDays", true).containsEntry("transferInDate", "2026-11-16")
                .containsEntry("lastDayForContinuation", "2027-02-15").containsEntry("eligible", true);
        assertThat(pi).isWaitingAt("Task_WriteEndorsement");
        assertThat(continuations.history(card)).isEmpty();

        complete(task(pi), Map.of("endorsementWritten", true));
        assertThat(pi).hasPassed("Task_ApplyContinuation");
        assertThat(cards.find(card).orElseThrow().managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(continuations.history(card)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED);
            assertThat(c.transferInDate()).isEqualTo(LocalDate.of(2026, 11, 16));
            assertThat(c.transferInReference()).isEqualTo("ordinary-transfer-in:" + pi.getId());
        });
        assertThat(pi).hasPassed("End_Continued").isEnded();
    }

    @Test
    void aLateOrdinaryTransferInIsRefusedWithTheReasonAndNothingIsRecorded() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        ProcessInstance pi = checked(card, "2026-10-31", "2026-11-17");
        assertThat(pi).variables().containsEntry("ordinaryTransferIn", true).containsEntry("transferInTimely", false)
                .containsEntry("lastDayForTransferIn", "2026-11-16").containsEntry("eligible", false);
        assertThat((String) runtimeService.getVariable(pi.getId(), "continuationReason"))
                .contains("転入届が転入した日から14日を過ぎて届け出られたため");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Refused").isEnded();
        assertThat(continuations.history(card)).isEmpty();
        assertThat(cards.find(card).orElseThrow().managingMunicipalityCode()).isEqualTo(OKUSHIRI);
    }

    @Test
    void ninetyDaysAfterTheOrdinaryTransferInItIsTooLate() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        // 転入届 8/27 + 90 days = Wednesday 11/25
        ProcessInstance pi = checked(card, "2026-08-20", "2026-08-27");
        assertThat(pi).variables().containsEntry("transferInTimely", true).containsEntry("withinNinetyDays", false)
                .containsEntry("lastDayForContinuation", "2026-11-25").containsEntry("eligible", false);
        assertThat((String) runtimeService.getVariable(pi.getId(), "continuationReason")).contains("90日を過ぎた");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void impossibleDatesRefuseTheStartAndLeaveNothing() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        assertThat(refusal(form(card, "2026-11-21", "2026-11-20")).code()).isEqualTo("MOVED_IN_AFTER_FILING");
        assertThat(refusal(form(card, "2026-11-27", null)).code()).isEqualTo("MOVED_IN_AFTER_FILING");
        assertThat(refusal(form(card, "2026-11-20", "2026-11-27")).code()).isEqualTo("FILED_ON_IN_FUTURE");
        assertThat(refusal(form(card, null, "2026-11-20")).code()).isEqualTo("MOVED_IN_DATE_REQUIRED");
        assertThat(refusal(form(card, "20261120", null)).code()).isEqualTo("INVALID_DATE");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from pin_request where card_number = ?").param(card).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aSpecialTransferInRecordedHereWinsOverDatesTyped() {
        String card = ContinuationTestCards.newCard(cards, jdbc, pinHasher, 4);
        continuations.recordPending(card, HAKODATE, LocalDate.of(2026, 11, 20), "test:" + card);
        ProcessInstance pi = checked(card, "2026-10-01", "2026-11-25");
        assertThat(pi).variables().containsEntry("specialTransferIn", true).containsEntry("ordinaryTransferIn", false)
                .containsEntry("transferInTimely", true).containsEntry("transferInDate", "2026-11-20")
                .containsEntry("eligible", true);
        complete(task(pi), Map.of("endorsementWritten", true));
        assertThat(continuations.history(card)).extracting(CardContinuation::transferInReference)
                .containsExactly("test:" + card);
    }

    // ---- helpers ----

    /** Started with the ordinary 転入届's dates, the right PIN entered: the decision taken. */
    private ProcessInstance checked(String card, String movedIn, String filedOn) {
        ProcessInstance pi = startAsClerk(PROCESS, HAKODATE,
                form(card, movedIn, filedOn));
        pinRequests.submit((String) runtimeService.getVariable(pi.getId(), "pinRequestId"), PIN);
        complete(task(pi));
        assertThat(pi).hasPassed("Task_CheckContinuation", "Rule_DecideEligibility");
        return pi;
    }

    private DomainRuleViolation refusal(Map<String, Object> form) {
        return startRefusal(PROCESS, HAKODATE, form);
    }

    private static Map<String, Object> form(String card, String movedIn, String filedOn) {
        Map<String, Object> v = new HashMap<>();
        v.put("cardNumber", card);
        v.put("newAddress", "北海道函館市五稜郭町1番1号");
        v.put("abroad", false);
        v.put("movedInDate", movedIn);
        v.put("transferInFiledOn", filedOn);
        return v;
    }
}
