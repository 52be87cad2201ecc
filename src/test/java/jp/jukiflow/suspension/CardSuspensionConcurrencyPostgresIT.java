package jp.jukiflow.suspension;

import static jp.jukiflow.suspension.SuspensionTestCards.OKUSHIRI;
import static jp.jukiflow.suspension.SuspensionTestCards.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.PinHasher;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.OnPostgres;
import jp.jukiflow.suspension.internal.CardSuspensionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two clerks at once on real PostgreSQL: one lifts the suspension (the card was found), the other files the 廃止届 for
 * the same card. Both start together (a latch); exactly one wins, the card ends in the winner's status with one card
 * event of it, the process takes exactly one path, and the other clerk gets a Japanese reason — nothing of the loser is
 * kept.
 */
@JukiflowTest
@OnPostgres
class CardSuspensionConcurrencyPostgresIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CardSuspensionService suspensions;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void retire() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @RepeatedTest(3)
    void liftAndAbolishAtOnceExactlyOneWins() throws Exception {
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

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> lift = pool.submit(() -> attempt(ready, go,
                    () -> suspensions.lift(number, true, "運転免許証", null, "見つかった"), "LIFTED"));
            Future<String> abolish = pool.submit(() -> attempt(ready, go,
                    () -> suspensions.abolish(number, "パスポート", "見つからない"), "ABOLISHED"));
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> results = new ArrayList<>(List.of(lift.get(60, TimeUnit.SECONDS),
                    abolish.get(60, TimeUnit.SECONDS)));

            List<String> winners = results.stream().filter(r -> !r.startsWith("refused:")).toList();
            List<String> losers = results.stream().filter(r -> r.startsWith("refused:")).toList();
            assertThat(winners).hasSize(1);
            assertThat(losers).singleElement().satisfies(message -> assertThat(message)
                    .containsAnyOf("既に解除", "既に廃止", "既に「廃止」", "解除済み", "一時停止されていません"));
            String winner = winners.get(0);
            String cardStatus = winner.equals("LIFTED") ? "ACTIVE" : "ABOLISHED";
            assertThat(status(jdbc, card)).isEqualTo(cardStatus);
            assertThat(jdbc.sql("select status from card_suspension where suspension_number = ?").param(number)
                    .query(String.class).single()).isEqualTo(winner);
            // one suspension event and exactly one closing event
            assertThat(jdbc.sql("""
                    select count(*) from card_event e join card c on c.id = e.card_id
                    where c.card_number = ? and e.event_type in ('SUSPENSION_LIFTED', 'ABOLISHED')""")
                    .param(card).query(Integer.class).single()).isOne();
            if (winner.equals("LIFTED")) {
                assertThat(pi).hasPassed("Task_LiftSuspension").hasNotPassed("Task_AbolishCard");
            } else {
                assertThat(pi).hasPassed("Task_AbolishCard").hasNotPassed("Task_LiftSuspension");
            }
            assertThat(pi).variables().containsEntry("suspensionOutcome", winner);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String attempt(CountDownLatch ready, CountDownLatch go, Runnable action, String outcome)
            throws InterruptedException {
        ready.countDown();
        go.await();
        try {
            action.run();
            return outcome;
        } catch (DomainRuleViolation e) {
            return "refused:" + e.code() + ":" + e.getMessage();
        }
    }

}
