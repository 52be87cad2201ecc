package jp.jukiflow.suspension;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.AtOnce;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.suspension.internal.CardSuspensionService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clerks racing on the same suspension, round after round: in each of {@link #ROUNDS} rounds three clerks lift it (the
 * card was found) and three file the 廃止届, all released at the same moment ({@link AtOnce}), while two more threads keep
 * the engine and the database busy. Exactly one wins each round; the card ends in the winner's status with exactly one
 * closing card event, the process takes exactly the winner's path, and every other clerk gets a clean Japanese conflict
 * from the suspension's own status (SUSPENSION_CLOSED: already 解除済み / 廃止) — refused before the engine is touched,
 * never an engine exception (the losers once correlated too, and under load ended inside the engine). The suspension's
 * row is locked before the correlation, so the losers wait for the winner's commit and then see it closed.
 * {@link CardSuspensionConcurrencyPostgresIT} runs the same on PostgreSQL.
 */
class CardSuspensionConcurrencyTest extends ProcessTestFixture {

    static final int ROUNDS = 30;
    static final int CLERKS = 6;
    static final int LOAD_THREADS = 2;

    @Autowired
    CardSuspensionService suspensions;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;

    @AfterEach
    void retire() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void liftAndAbolishAtOnceExactlyOneWinsEveryRound() throws Exception {
        int lifted = 0;
        // load beside the race: the engine and the database busy with other work, so the clerks' transactions
        // interleave as they do on a loaded server
        AtomicBoolean racing = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        for (int i = 0; i < LOAD_THREADS; i++) {
            load.submit(() -> {
                while (racing.get()) {
                    runtimeService.createExecutionQuery().processDefinitionKey("card-suspension").list();
                    jdbc.sql("select count(*) from card_event").query(Long.class).single();
                }
                return null;
            });
        }
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String winner = oneRound(round);
                lifted += winner.equals("LIFTED") ? 1 : 0;
            }
        } finally {
            racing.set(false);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        // both outcomes are possible; the log says how the rounds went
        System.out.printf("card-suspension race: %d rounds, %d lifted, %d abolished%n", ROUNDS, lifted, ROUNDS - lifted);
    }

    private String oneRound(int round) throws Exception {
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        identityService.setAuthentication("okushiri-clerk", List.of(OKUSHIRI + "-clerks"), List.of(OKUSHIRI));
        ProcessInstance pi;
        try {
            pi = runtimeService.createProcessInstanceByKey("card-suspension").processDefinitionWithoutTenantId()
                    .setVariables(CardSuspensionProcessTest.report(card, "LOSS")).execute();
        } finally {
            identityService.clearAuthentication();
        }
        String number = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");

        AtomicInteger clerk = new AtomicInteger();
        List<String> results = AtOnce.run(CLERKS, () -> clerk.getAndIncrement() % 2 == 0
                ? attempt(() -> suspensions.lift(number, true, "運転免許証", null, "見つかった", null), "LIFTED")
                : attempt(() -> suspensions.abolish(number, "パスポート", "見つからない", null), "ABOLISHED"));

        String round_ = "round " + round + " " + results;
        assertThat(results).as(round_).noneMatch(r -> r.startsWith("error:"));
        List<String> winners = results.stream().filter(r -> !r.startsWith("refused:")).toList();
        assertThat(winners).as(round_).hasSize(1);
        String winner = winners.get(0);
        // every loser is refused before the engine is touched: by the suspension's own status, naming the winner's
        assertThat(results.stream().filter(r -> r.startsWith("refused:"))).as(round_).hasSize(CLERKS - 1)
                .allSatisfy(message -> assertThat(message).startsWith("refused:SUSPENSION_CLOSED:")
                        .contains(number, winner.equals("LIFTED") ? "既に「解除済み」" : "既に「廃止」"));
        assertThat(status(jdbc, card)).as(round_).isEqualTo(winner.equals("LIFTED") ? "ACTIVE" : "ABOLISHED");
        assertThat(jdbc.sql("select status from card_suspension where suspension_number = ?").param(number)
                .query(String.class).single()).as(round_).isEqualTo(winner);
        // one suspension event and exactly one closing event
        assertThat(jdbc.sql("""
                select count(*) from card_event e join card c on c.id = e.card_id
                where c.card_number = ? and e.event_type in ('SUSPENSION_LIFTED', 'ABOLISHED')""")
                .param(card).query(Integer.class).single()).as(round_).isOne();
        if (winner.equals("LIFTED")) {
            assertThat(pi).hasPassed("Task_LiftSuspension").hasNotPassed("Task_AbolishCard");
        } else {
            assertThat(pi).hasPassed("Task_AbolishCard").hasNotPassed("Task_LiftSuspension");
        }
        assertThat(pi).variables().containsEntry("suspensionOutcome", winner);
        return winner;
    }

    /** The outcome, "refused:code:message" for a clean refusal, or "error:…" with the stack trace for anything else. */
    private static String attempt(Runnable action, String outcome) {
        try {
            action.run();
            return outcome;
        } catch (DomainRuleViolation e) {
            return "refused:" + e.code() + ":" + e.getMessage();
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return "error:" + trace;
        }
    }
}
