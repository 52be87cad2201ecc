package jp.jukiflow.intake;

import static jp.jukiflow.intake.IntakeMails.OKUSHIRI_INTAKE;
import static jp.jukiflow.intake.IntakeMails.deliver;
import static jp.jukiflow.intake.IntakeMails.request;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jp.jukiflow.intake.internal.IntakeMailStore;
import jp.jukiflow.intake.internal.IntakeMailboxSettings;
import jp.jukiflow.intake.internal.MailIntakeProcessor;
import jp.jukiflow.intake.internal.MailReviewStarter;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestMailServer;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.ResidentAnswers;
import jp.jukiflow.transferout.TransferOutIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * A message is flagged only after its fate is committed: a failure while starting the case leaves it unseen and
 * nothing half-done, the next poll reads it again and it becomes one case; a mail that keeps failing, or is too
 * large to read, still reaches a clerk.
 */
@JukiflowTest
class IntakeMailFailureTest {


    @Autowired
    TransferOutIntake realIntake;
    @Autowired
    IntakeMailStore store;
    @Autowired
    ResidentAnswers answers;
    @Autowired
    MailReviewStarter reviews;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;
    @Autowired
    IntakeMailboxSettings settings;
    @Autowired
    JdbcClient jdbc;

    /** The real intake behind a spy, in a reader of its own (at most 2 attempts, 256 KB): the shared context stays. */
    TransferOutIntake intake;
    IntakeMailboxReader reader;

    String run;

    @BeforeEach
    void readerWithASpiedIntake() {
        intake = spy(realIntake);
        reader = new IntakeMailboxReader(settings, new MailIntakeProcessor(store, intake, answers, reviews,
                transactionManager, clock, 2, DataSize.ofKilobytes(256)), clock);
    }

    @BeforeEach
    void emptyMailboxes() {
        TestMailServer.reset();
        IntakeMails.createMailboxes(TestMailServer.get());
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFailureWhileStartingTheCaseLeavesTheMessageUnseenAndTheNextPollStartsOneCase() throws Exception {
        String messageId = "<fail-" + run + "@example.jp>";
        deliver(TestMailServer.get(), OKUSHIRI_INTAKE, IntakeMails.textMail(messageId, "fail@example.jp", "転出届",
                request("失敗", "シッパイ"), StandardCharsets.UTF_8, "UTF-8", "8bit"));
        doThrow(new IllegalStateException("database went away")).when(intake)
                .submit(eq(OKUSHIRI), any(), eq(IntakeChannel.MAIL), anyList(), any(), anyString());

        IntakeMailboxReader.PollReport failed = reader.poll(OKUSHIRI);

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).singleElement().satisfies(f -> assertThat(f).containsExactly(false, false));
        assertThat(row(messageId)).containsEntry("STATUS", "RECEIVED").containsEntry("ATTEMPTS", 1);
        assertThat(casesOf(messageId)).isZero();

        doCallRealMethod().when(intake).submit(any(), any(), any(), anyList(), any(), any());
        IntakeMailboxReader.PollReport retried = reader.poll(OKUSHIRI);

        assertThat(retried.read()).isEqualTo(1);
        assertThat(retried.toCases()).isEqualTo(1);
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).singleElement().satisfies(f -> assertThat(f).containsExactly(true, true));
        assertThat(row(messageId)).containsEntry("STATUS", "CASE_STARTED");
        assertThat(casesOf(messageId)).isEqualTo(1);
    }

    @Test
    void aMailThatKeepsFailingGoesToAClerkInsteadOfBeingRetriedForever() throws Exception {
        String messageId = "<always-" + run + "@example.jp>";
        deliver(TestMailServer.get(), OKUSHIRI_INTAKE, IntakeMails.textMail(messageId, "always@example.jp", "転出届",
                request("常敗", "ジョウハイ"), StandardCharsets.UTF_8, "UTF-8", "8bit"));
        doThrow(new IllegalStateException("bug")).when(intake)
                .submit(eq(OKUSHIRI), any(), eq(IntakeChannel.MAIL), anyList(), any(), anyString());

        assertThat(reader.poll(OKUSHIRI).failed()).isEqualTo(1);
        assertThat(reader.poll(OKUSHIRI).failed()).isEqualTo(1);
        IntakeMailboxReader.PollReport third = reader.poll(OKUSHIRI);

        assertThat(third.reviews()).isEqualTo(1);
        assertThat(row(messageId)).containsEntry("STATUS", "REVIEW");
        assertThat((String) row(messageId).get("REASON")).contains("技術的なエラー");
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).singleElement().satisfies(f -> assertThat(f).containsExactly(true, true));
    }

    @Test
    void aHugeMailIsKeptWholeAndGoesToAClerk() throws Exception {
        String messageId = "<huge-" + run + "@example.jp>";
        String body = request("大量", "タイリョウ") + "添付の代わりに本文に貼り付けました。\n".repeat(20_000);
        byte[] raw = IntakeMails.textMail(messageId, "huge@example.jp", "転出届", body, StandardCharsets.UTF_8, "UTF-8", "base64");
        deliver(TestMailServer.get(), OKUSHIRI_INTAKE, raw);

        assertThat(reader.poll(OKUSHIRI).reviews()).isEqualTo(1);

        assertThat((String) row(messageId).get("REASON")).contains("大きすぎる");
        assertThat(jdbc.sql("select size_bytes from intake_mail where message_id = :id").param("id", messageId)
                .query(Long.class).single()).isGreaterThan(256 * 1024L);
        assertThat(jdbc.sql("select raw_mime from intake_mail where message_id = :id").param("id", messageId)
                .query((rs, n) -> rs.getBytes(1)).single().length).isGreaterThan(256 * 1024);
    }

    private Map<String, Object> row(String messageId) {
        return jdbc.sql("select status, attempts, reason from intake_mail where message_id = :id")
                .param("id", messageId).query().singleRow();
    }

    private int casesOf(String messageId) {
        return jdbc.sql("select count(*) from transfer_out_request where source_ref = :id").param("id", messageId)
                .query(Integer.class).single();
    }
}
