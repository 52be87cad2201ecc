package jp.jukiflow.move;

import static jp.jukiflow.support.ProcessTestSupport.executeDueJobs;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.MovingResidents.Mover;
import jp.jukiflow.support.OnPostgres;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Benchmark, not a timed test (run with {@code ./mvnw -Pbenchmark verify}; never in the normal build): full moves on
 * PostgreSQL (embedded PostgreSQL 17, or {@code JUKIFLOW_TEST_DB_URL}), one deployment serving 奥尻町 and 函館市 with
 * the in-process Juki-net transport (the shared PostgreSQL test context).
 *
 * <p>One move = transfer-out filed in 奥尻町 ({@link TransferOutIntake}) → its jobs (receipt mail) → review completed
 * with the special route → jobs (acceptance mail, 転出証明書情報 to 函館市) → 特例転入 started by a 函館市 clerk →
 * the PIN submitted to its PIN request (PBKDF2 check) → 「暗証番号の確認」 and 「転入の記載」 completed → jobs
 * (registration, 転入通知, which closes 奥尻町's case) → 奥尻町's jobs (completion mail) → card continuation called by
 * the transfer-in ({@link #cardContinuation}: its PIN submitted, 「暗証番号の確認」 and 「追記欄への記載」 completed). Every clerk step is completed through
 * the engine API as a clerk of the town. Each mover is a fresh resident with a valid My Number Card, made before the
 * clock starts.
 *
 * <p>Async jobs: the job executor is off (test profile) and each worker thread runs the due jobs of its own instances
 * right after the step that made them ({@code executeDueJobs}). So the figure is the work of the engine, our code, the
 * database, the PIN hash and the mail server, without the job executor's acquisition wait (in production a job waits
 * up to the acquisition interval before it runs, which lengthens a move but costs no throughput).
 *
 * <p>Beside it, on the same database in the same run: a bare start→end process deployed here from the model API
 * (historyTimeToLive set, deployed without tenant like ours, started as a 奥尻町 clerk so the instance gets tenant
 * 013676), measured the same way. Prints a table and writes it to {@code full-move-benchmark.txt} in the build dir.
 */
@JukiflowTest
@OnPostgres
class FullMoveBenchmark {

    static final String NEW_ADDRESS = "北海道函館市五稜郭町1番1号";
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final int MOVES = Integer.getInteger("benchmark.moves", 40);
    static final int WARM_UP_MOVES = Integer.getInteger("benchmark.warmUpMoves", 8);
    static final int BARE = Integer.getInteger("benchmark.bareInstances", 1000);
    static final String BARE_KEY = "benchmarkBareStartEnd";

    @Autowired
    ApplicationContext context;
    @Autowired
    TransferOutIntake intake;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    PinRequests pinRequests;
    @Autowired
    CaseRegistry cases;
    @Autowired
    DataSource dataSource;

    record Row(int threads, int moves, double moveSeconds, int bare, double bareSeconds) {
    }

    @Test
    void fullMovesAndBareInstancesFromOneAndFourThreads() throws Exception {
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        assertThat(database).startsWith("PostgreSQL");
        deployBareProcess();
        MovingResidents residents = MovingResidents.in(context);

        // warm-up: JIT, connection pool, caches of the engine (deployments, DMN) and of Thymeleaf (mail templates)
        run(1, make(residents, WARM_UP_MOVES), this::move);
        run(1, new ArrayList<>(java.util.Collections.nCopies(BARE / 5, 0)), i -> startBare());

        List<Row> rows = new ArrayList<>();
        for (int threads : new int[]{1, 4}) {
            List<Mover> movers = make(residents, MOVES);
            double moveSeconds = run(threads, movers, this::move);
            double bareSeconds = run(threads, new ArrayList<>(java.util.Collections.nCopies(BARE, 0)), i -> startBare());
            rows.add(new Row(threads, MOVES, moveSeconds, BARE, bareSeconds));
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                Full move benchmark (transfer-out by mail 奥尻町 → 特例転入 函館市 → 奥尻町's case closed → card continuation in 函館市)
                  database %s; one deployment, both towns, Juki-net in-process; jobs run by the worker threads
                  processors %d, max heap %d MB, JVM %s %s
                | threads | moves | seconds | moves/s | bare start→end instances | seconds | bare instances/s |
                |---|---|---|---|---|---|---|
                """, database, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version")));
        for (Row r : rows) {
            report.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.2f | %d | %.1f | %.0f |%n", r.threads(),
                    r.moves(), r.moveSeconds(), r.moves() / r.moveSeconds(), r.bare(), r.bareSeconds(),
                    r.bare() / r.bareSeconds()));
        }
        System.out.println(report);
        write(report.toString());
    }

    // ---- one full move ----

    private void move(Mover mover) {
        ProcessInstance out = transferOutInOkushiri(mover);
        ProcessInstance in = specialTransferInInHakodate(mover, out.getBusinessKey());
        // the 転入通知 (in-process) continued 奥尻町's case; its remaining jobs send the completion mail
        executeDueJobs(management, out);
        cardContinuation(mover, in);
        if (!"COMPLETED".equals(cases.find(out.getBusinessKey()).orElseThrow().statusCode())) {
            throw new AssertionError("Case not completed: " + out.getBusinessKey());
        }
        if (runtimeService.createProcessInstanceQuery().processInstanceId(out.getId()).count() != 0
                || runtimeService.createProcessInstanceQuery().processInstanceId(in.getId()).count() != 0) {
            throw new AssertionError("Move not ended: " + out.getBusinessKey());
        }
    }

    private ProcessInstance transferOutInOkushiri(Mover mover) {
        Receipt receipt = intake.submit(OKUSHIRI, mover.transferOutForm("2026-12-03", HAKODATE, NEW_ADDRESS),
                IntakeChannel.WEB, List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                NOW, "benchmark:full-move:" + mover.residentCode());
        ProcessInstance out = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.receiptNumber()).singleResult();
        executeDueJobs(management, out);
        completeAsClerk(OKUSHIRI, out, "Task_ReviewRequest", Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(management, out);
        return out;
    }

    private ProcessInstance specialTransferInInHakodate(Mover mover, String receipt) {
        Map<String, Object> form = new HashMap<>();
        form.put("originReceiptNumber", receipt);
        form.put("cardNumber", mover.cardNumber());
        form.put("movedInDate", "2026-11-25");
        form.put("newPostalCode", "040-0001");
        form.put("newAddress", NEW_ADDRESS);
        form.put("headOfHousehold", "本人");
        form.put("continuationWanted", true);
        form.put("wantsSpecial", true);
        ProcessInstance in = asClerk(HAKODATE, () -> runtimeService.createProcessInstanceByKey("transfer-in-with-card")
                .processDefinitionWithoutTenantId().setVariables(form).execute());
        pinRequests.submit((String) runtimeService.getVariable(in.getId(), "pinRequestId"), MovingResidents.PIN);
        completeAsClerk(HAKODATE, in, "Task_ConfirmPin", Map.of());
        completeAsClerk(HAKODATE, in, "Task_RecordTransferIn", Map.of());
        executeDueJobs(management, in);
        return in;
    }

    /**
     * 継続利用 in 函館市 (docs/domain.md §3), the last step of a full move: the transfer-in (continuation wanted) waits at its
     * call activity 「カードの継続利用」, whose {@code card-continuation} instance waits at its own 「暗証番号の確認」. The PIN
     * is submitted to that instance's PIN request (a second PBKDF2 check), a 函館市 clerk completes 「暗証番号の確認」 and
     * 「追記欄への記載」 (the card is then managed by 函館市), and the jobs of both instances run.
     */
    private void cardContinuation(Mover mover, ProcessInstance in) {
        ProcessInstance continuation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(in.getId())
                .singleResult();
        if (continuation == null) {
            throw new AssertionError("No card continuation called by " + in.getId());
        }
        pinRequests.submit((String) runtimeService.getVariable(continuation.getId(), "pinRequestId"), MovingResidents.PIN);
        completeAsClerk(HAKODATE, continuation, "Task_ConfirmPin", Map.of());
        completeAsClerk(HAKODATE, continuation, "Task_WriteEndorsement", Map.of("endorsementWritten", true));
        executeDueJobs(management, continuation);
        executeDueJobs(management, in);
        HistoricVariableInstance outcome = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(in.getId()).variableName("continuationOutcome").singleResult();
        if (outcome == null || !"CONTINUED".equals(outcome.getValue())) {
            throw new AssertionError("Card not continued: " + mover.cardNumber());
        }
    }

    // ---- bare start→end ----

    private void deployBareProcess() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_KEY).name("ベンチマーク（開始→終了）")
                .camundaHistoryTimeToLive(2555).startEvent("Event_Start").endEvent("End_Done").done();
        repositoryService.createDeployment().name("benchmark-bare").addModelInstance(BARE_KEY + ".bpmn", model).deploy();
    }

    private void startBare() {
        ProcessInstance pi = asClerk(OKUSHIRI, () -> runtimeService.createProcessInstanceByKey(BARE_KEY)
                .processDefinitionWithoutTenantId().execute());
        if (!pi.isEnded() || !OKUSHIRI.equals(pi.getTenantId())) {
            throw new AssertionError("Bare instance not ended in tenant " + OKUSHIRI + ": " + pi.getTenantId());
        }
    }

    // ---- helpers ----

    private static List<Mover> make(MovingResidents residents, int n) {
        List<Mover> movers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            movers.add(residents.create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻" + (i + 1) + "番地"));
        }
        return movers;
    }

    /** Runs {@code work} for every item from {@code threads} threads; the wall time in seconds. */
    private static <T> double run(int threads, List<T> items, Consumer<T> work) throws Exception {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (T item = queue.poll(); item != null; item = queue.poll()) {
                        work.accept(item);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> T asClerk(String town, java.util.function.Supplier<T> work) {
        identityService.setAuthentication(town + "-clerk", List.of(town + "-clerks"), List.of(town));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void completeAsClerk(String town, ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        if (task == null || !taskKey.equals(task.getTaskDefinitionKey())) {
            throw new AssertionError("Expected " + taskKey + " in " + pi.getBusinessKey() + ", found "
                    + (task == null ? "no task" : task.getTaskDefinitionKey()));
        }
        asClerk(town, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private static void write(String report) throws IOException {
        Path out = Path.of(System.getProperty("benchmark.dir", "target"), "full-move-benchmark.txt");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }
}
