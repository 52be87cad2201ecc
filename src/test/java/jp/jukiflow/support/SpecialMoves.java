package jp.jukiflow.support;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * The special move of one {@link MovingResidents.Mover} between two municipalities of one deployment (job executor
 * off): the mailed transfer-out at the origin, accepted as special, then the special transfer-in with card and PIN at
 * the destination, its 転入通知 and the origin's 転出確定 — each step as the process tests take it.
 */
public final class SpecialMoves {

    public static final String PLANNED_DATE = "2026-12-03";
    public static final String MOVED_IN_DATE = "2026-11-25";

    private final TransferOutIntake intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final PinRequests pinRequests;

    private SpecialMoves(ApplicationContext context) {
        this.intake = context.getBean(TransferOutIntake.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
        this.identity = context.getBean(IdentityService.class);
        this.pinRequests = context.getBean(PinRequests.class);
    }

    public static SpecialMoves in(ApplicationContext context) {
        return new SpecialMoves(context);
    }

    /** The mover's transfer-out filed on the portal at {@code origin}, accepted as special: it waits for the move-in. */
    public ProcessInstance acceptedTransferOut(MovingResidents.Mover m, String origin, String destination,
                                               String newAddress) {
        Receipt receipt = intake.submit(origin, m.transferOutForm(PLANNED_DATE, destination, newAddress),
                IntakeChannel.WEB, List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                Instant.parse("2026-11-26T01:00:00Z"), "test:special-move:" + m.residentCode() + ":" + System.nanoTime());
        ProcessInstance out = runtime.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
        executeDueJobs(management, out);
        completeTask(out, "Task_ReviewRequest", Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, out);
        assertThat(activeActivities(out)).contains("Task_AwaitMoveInNotice");
        return out;
    }

    /**
     * The special transfer-in of the mover at {@code destination} for the accepted transfer-out {@code out} (card and
     * PIN, no continuation), then the origin's 転出確定 on the 転入通知: both cases end.
     */
    public void transferIn(MovingResidents.Mover m, ProcessInstance out, String destination, String postalCode,
                           String newAddress) {
        Map<String, Object> form = new HashMap<>();
        form.put("cardNumber", m.cardNumber());
        form.put("originReceiptNumber", out.getBusinessKey());
        form.put("movedInDate", MOVED_IN_DATE);
        form.put("newPostalCode", postalCode);
        form.put("newAddress", newAddress);
        form.put("headOfHousehold", "本人");
        form.put("continuationWanted", false);
        form.put("wantsSpecial", true);
        ProcessInstance in = ProcessTestSupport.startAsClerk(identity, runtime, "transfer-in-with-card", destination,
                form);
        pinRequests.submit((String) runtime.getVariable(in.getId(), "pinRequestId"), MovingResidents.PIN);
        completeTask(in, "Task_ConfirmPin", Map.of());
        completeTask(in, "Task_RecordTransferIn", Map.of());
        executeDueJobs(management, in);
        assertThat(ended(in)).as("the transfer-in ended").isTrue();
        executeDueJobs(management, out);
        assertThat(ended(out)).as("the transfer-out ended with the 転出確定").isTrue();
    }

    private void completeTask(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("waiting at " + taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    private List<String> activeActivities(ProcessInstance pi) {
        return runtime.getActiveActivityIds(pi.getId());
    }

    private boolean ended(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
    }
}
