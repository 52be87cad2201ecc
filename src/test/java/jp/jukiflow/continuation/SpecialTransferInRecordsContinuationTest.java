package jp.jukiflow.continuation;

import static jp.jukiflow.continuation.ContinuationTestCards.PIN;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A special transfer-in (奥尻町 → 函館市) records the presented card as awaiting its continuation in 函館市, 90 days
 * from today's 転入届 (2026-11-26 + 90 = Wednesday 2027-02-24), and that record is what the continuation then uses.
 */
class SpecialTransferInRecordsContinuationTest extends ProcessTestFixture {

    @Autowired
    TransferOutIntake intake;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CardContinuations continuations;

    @Test
    void theSpecialTransferInRecordsThePendingContinuationOfTheCard() {
        Map<String, Object> p = person();
        String card = (String) p.get("CARD_NUMBER");
        ProcessInstance out = transferOutWaitingForMoveIn(p);

        Map<String, Object> form = new HashMap<>();
        form.put("originReceiptNumber", out.getBusinessKey());
        form.put("cardNumber", card);
        form.put("movedInDate", "2026-11-25");
        form.put("newPostalCode", "040-0001");
        form.put("newAddress", "北海道函館市五稜郭町1番1号");
        form.put("headOfHousehold", "本人");
        // not at once: the resident comes back for the continuation later (within the 90 days)
        form.put("continuationWanted", false);
        form.put("wantsSpecial", true);
        ProcessInstance in = started(HAKODATE, "transfer-in-with-card", form);
        pinRequests.submit((String) runtimeService.getVariable(in.getId(), "pinRequestId"), PIN);
        complete(task(in));
        assertThat(in).isWaitingAt("Task_RecordTransferIn");
        assertThat(continuations.pending(card)).isEmpty();
        complete(task(in));
        executeDueJobs(in);
        assertThat(in).hasPassed("Task_RegisterMovers").isEnded();

        CardContinuation pending = continuations.pending(card).orElseThrow();
        assertThat(pending.status()).isEqualTo(ContinuationStatus.PENDING);
        assertThat(pending.destinationCode()).isEqualTo(HAKODATE);
        assertThat(pending.holderResidentCode()).isEqualTo(p.get("RESIDENT_CODE"));
        assertThat(pending.transferInDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(pending.lastDay()).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(pending.transferInReference()).isEqualTo("transfer-in-with-card:" + in.getId());
        assertThat(continuations.history(card)).hasSize(1);
    }

    private ProcessInstance started(String tenant, String key, Map<String, Object> variables) {
        return startAsClerk(key, tenant, variables);
    }

    private ProcessInstance transferOutWaitingForMoveIn(Map<String, Object> p) {
        String name = p.get("FAMILY_NAME") + " " + p.get("GIVEN_NAME");
        String kana = p.get("FAMILY_NAME_KANA") + " " + p.get("GIVEN_NAME_KANA");
        String birth = p.get("BIRTH_DATE").toString();
        TransferOutForm form = new TransferOutForm("2026-12-03", null,
                new TransferOutForm.Filer(name, kana, birth, "本人"), (String) p.get("ADDRESS"), name,
                new TransferOutForm.NewAddress(HAKODATE, "北海道函館市五稜郭町1番1号"), name,
                List.of(new TransferOutForm.Mover(name, kana, birth, "MALE".equals(p.get("SEX")) ? "男" : "女", "世帯主")),
                "0", "MY_NUMBER", "true", "01397-2-3111", "continuation-" + p.get("RESIDENT_CODE") + "@test.example");
        Receipt receipt = intake.submit(OKUSHIRI, form, IntakeChannel.WEB,
                List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:continuation:" + System.nanoTime());
        ProcessInstance out = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.receiptNumber()).singleResult();
        executeDueJobs(out);
        complete(task(out), Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(out);
        assertThat(out).isWaitingAt("Task_AwaitMoveInNotice");
        return out;
    }

    /**
     * An adult of 奥尻町 with a valid My Number Card, the 11th from the end: the transfer-in tests take the first few
     * from the end and the transfer-out tests the first few from the start, so neither list shifts under them.
     */
    private Map<String, Object> person() {
        List<Map<String, Object>> people = jdbc.sql("""
                select r.*, c.card_number from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.pin_locked = false
                  and c.valid_until > date '2026-12-31' and r.birth_date < date '2000-01-01'
                order by r.resident_code""").query().listOfRows();
        Map<String, Object> row = people.get(people.size() - 11);
        Map<String, Object> upper = new HashMap<>();
        row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return upper;
    }
}
