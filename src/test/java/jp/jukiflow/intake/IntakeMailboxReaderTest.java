package jp.jukiflow.intake;

import static jp.jukiflow.intake.IntakeMails.OKUSHIRI_INTAKE;
import static jp.jukiflow.intake.IntakeMails.deliver;
import static jp.jukiflow.intake.IntakeMails.request;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestMailServer;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The IMAP reader against a real mail server (GreenMail): mails in every encoding become cases with their
 * attachments, duplicates give one case, unreadable or invalid mail becomes the clerk task 「メール内容の確認」, and a
 * message is flagged \Seen and \Flagged once its fate is committed.
 */
class IntakeMailboxReaderTest extends ProcessTestFixture {

    @Autowired
    IntakeMailboxReader reader;

    GreenMail mail;
    String run;

    @BeforeEach
    void emptyMailboxes() {
        TestMailServer.reset();
        mail = TestMailServer.get();
        IntakeMails.createMailboxes(mail);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void labelFormatMailInEveryEncodingBecomesACase() throws Exception {
        Charset jis = Charset.forName("x-windows-iso2022jp");
        Charset ms932 = Charset.forName("windows-31j");
        List<byte[]> mails = List.of(
                IntakeMails.textMail(id("jis"), "jis@example.jp", "転出届", request("一郎", "イチロウ"), jis, "ISO-2022-JP", "7bit"),
                IntakeMails.textMail(id("sjis"), "sjis@example.jp", "転出届①", request("二郎", "ジロウ"), ms932, "Shift_JIS", "8bit"),
                IntakeMails.textMail(id("cp932"), "cp932@example.jp", "転出届", request("三郎", "サブロウ"), ms932, "windows-31j", "base64"),
                IntakeMails.textMail(id("utf8qp"), "qp@example.jp", "転出届", request("四郎", "シロウ"), StandardCharsets.UTF_8, "UTF-8", "quoted-printable"),
                IntakeMails.textMail(id("utf8b64"), "b64@example.jp", "転出届", request("五郎", "ゴロウ"), StandardCharsets.UTF_8, "utf-8", "base64"),
                IntakeMails.htmlMail(id("html"), "html@example.jp", request("六郎", "ロクロウ")),
                IntakeMails.mailWithAttachments(id("attach"), "attach@example.jp", request("七郎", "シチロウ")),
                IntakeMails.forwardedMail(id("fwd"), "clerk@okushiri.example", request("八郎", "ハチロウ")),
                // a wrong label (ISO-8859-1 on UTF-8 bytes) and a missing one (Shift_JIS bytes, no charset)
                IntakeMails.textMail(id("wrong"), "wrong@example.jp", "test", request("九郎", "クロウ"), StandardCharsets.UTF_8, "ISO-8859-1", "8bit"),
                IntakeMails.textMail(id("nolabel"), "nolabel@example.jp", "test", request("十郎", "ジュウロウ"), ms932, null, "8bit"),
                // no Message-ID at all: a hash of the raw mail stands in for it
                IntakeMails.textMail(null, "noid@example.jp", "転出届", request("十一郎", "ジュウイチロウ") + run, StandardCharsets.UTF_8, "UTF-8", "8bit"));
        for (byte[] raw : mails) {
            deliver(mail, OKUSHIRI_INTAKE, raw);
        }

        IntakeMailboxReader.PollReport report = reader.poll(OKUSHIRI);

        assertThat(report.read()).isEqualTo(mails.size());
        assertThat(report.toCases()).as(reviewReasons()).isEqualTo(mails.size());
        assertThat(report.reviews()).isZero();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select m.message_id, m.status, m.receipt_number, r.request_json
                        from intake_mail m join transfer_out_request r on r.receipt_number = m.receipt_number
                        where m.municipality_code = '013676' and (m.message_id like :run or m.from_address = 'noid@example.jp')""")
                .param("run", "%" + run + "%").query().listOfRows();
        assertThat(rows).hasSize(mails.size());
        String all = rows.stream().map(r -> (String) r.get("REQUEST_JSON")).reduce("", String::concat);
        for (String name : List.of("一郎", "二郎", "三郎", "四郎", "五郎", "六郎", "七郎", "八郎", "九郎", "十郎", "十一郎")) {
            assertThat(all).contains("奥尻 " + name);
        }
        assertThat(jdbc.sql("select count(*) from intake_mail where from_address = 'noid@example.jp' and message_id like 'sha256:%'")
                .query(Integer.class).single()).isEqualTo(1);
        // the attachments became documents of the case
        String attachReceipt = receiptOf(id("attach"));
        assertThat(jdbc.sql("select file_name from case_document where receipt_number = :r order by id")
                .param("r", attachReceipt).query(String.class).list()).containsExactly("マイナンバーカード.pdf", "免許証.png");
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).allSatisfy(f -> assertThat(f).containsExactly(true, true));
    }

    @Test
    void theSameMessageIdReadTwiceGivesOneCase() throws Exception {
        byte[] raw = IntakeMails.textMail(id("dup"), "dup@example.jp", "転出届", request("太郎", "タロウ"),
                StandardCharsets.UTF_8, "UTF-8", "8bit");
        deliver(mail, OKUSHIRI_INTAKE, raw);
        deliver(mail, OKUSHIRI_INTAKE, raw);

        IntakeMailboxReader.PollReport first = reader.poll(OKUSHIRI);
        assertThat(first.read()).isEqualTo(2);
        assertThat(first.toCases()).isEqualTo(1);
        assertThat(first.alreadyDecided()).isEqualTo(1);

        // delivered once more later (a resident's resend, a server hiccup): still the same one case
        deliver(mail, OKUSHIRI_INTAKE, raw);
        IntakeMailboxReader.PollReport second = reader.poll(OKUSHIRI);
        assertThat(second.read()).isEqualTo(1);
        assertThat(second.alreadyDecided()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from transfer_out_request where source_ref = :id")
                .param("id", id("dup")).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from intake_mail where message_id = :id")
                .param("id", id("dup")).query(Integer.class).single()).isEqualTo(1);
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).hasSize(3).allSatisfy(f -> assertThat(f).containsExactly(true, true));
        assertThat(reader.poll(OKUSHIRI).read()).isZero();
    }

    @Test
    void twoNodesPollingAtOnceGiveOneCasePerMail() throws Exception {
        int count = 6;
        for (int i = 0; i < count; i++) {
            deliver(mail, OKUSHIRI_INTAKE, IntakeMails.textMail(id("node" + i), "node@example.jp", "転出届",
                    request("次郎" + i, "ジロウ"), StandardCharsets.UTF_8, "UTF-8", "8bit"));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<IntakeMailboxReader.PollReport>> polls = List.of(() -> reader.poll(OKUSHIRI), () -> reader.poll(OKUSHIRI));
            List<Future<IntakeMailboxReader.PollReport>> results = nodes.invokeAll(polls);
            for (Future<IntakeMailboxReader.PollReport> r : results) {
                r.get();
            }
        } finally {
            nodes.shutdown();
        }
        // whatever either node left unseen (a lock wait that timed out) is settled by the next poll
        reader.poll(OKUSHIRI);
        assertThat(jdbc.sql("select count(*) from transfer_out_request where source_ref like :run")
                .param("run", "%node%" + run + "%").query(Integer.class).single()).isEqualTo(count);
        assertThat(jdbc.sql("select count(distinct receipt_number) from intake_mail where message_id like :run")
                .param("run", "%node%" + run + "%").query(Integer.class).single()).isEqualTo(count);
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).allSatisfy(f -> assertThat(f).containsExactly(true, true));
    }

    @Test
    void mailThatIsNotARequestBecomesAClerkTask() throws Exception {
        deliver(mail, OKUSHIRI_INTAKE, IntakeMails.textMail(id("question"), "=?UTF-8?B?" + java.util.Base64.getEncoder()
                        .encodeToString("奥尻 花子".getBytes(StandardCharsets.UTF_8)) + "?= <hanako@example.jp>",
                "転出の手続きについて", "転出の手続きを郵送でしたいのですが、何を送ればよいですか。", StandardCharsets.UTF_8,
                "UTF-8", "8bit"));

        IntakeMailboxReader.PollReport report = reader.poll(OKUSHIRI);

        assertThat(report.reviews()).isEqualTo(1);
        Task task = reviewTaskFor(id("question"));
        assertThat(task.getName()).isEqualTo("メール内容の確認");
        assertThat(task.getTenantId()).isEqualTo(OKUSHIRI);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(OKUSHIRI + "-clerks").count()).isEqualTo(1);
        Map<String, Object> v = taskService.getVariables(task.getId());
        assertThat(v).containsEntry("email", "hanako@example.jp").containsEntry("autoReply", true)
                .containsEntry("mailSubject", "転出の手続きについて")
                .containsEntry("mailFrom", "奥尻 花子 <hanako@example.jp>");
        assertThat((String) v.get("mailBody")).contains("何を送ればよいですか");
        assertThat((String) v.get("reviewReason")).contains("転出予定日", "異動者1氏名");
        assertThat(statusOf(id("question"))).isEqualTo("REVIEW");
        // the 受付確認 went out over SMTP, in Japanese, with the label format
        jakarta.mail.internet.MimeMessage reply = java.util.Arrays.stream(TestMailServer.received())
                .filter(m -> recipients(m).contains("hanako@example.jp")).findFirst().orElseThrow();
        assertThat(reply.getSubject()).contains("読み取れませんでした");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(String.valueOf(reply.getContent())))
                .contains("転出の手続きについて", "転出予定日: 2026-12-10");
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).allSatisfy(f -> assertThat(f).containsExactly(true, true));
    }

    @Test
    void anInvalidRequestBecomesAClerkTaskWithTheFieldErrorsAndWhatWasRead() throws Exception {
        String body = request("誤郎", "ゴロウ").replace("届出人生年月日：1980/04/01", "届出人生年月日：1980年2月30日")
                .replace("新住所の市区町村コード：012025", "新住所の市区町村コード：012026");
        deliver(mail, OKUSHIRI_INTAKE, IntakeMails.textMail(id("invalid"), "invalid@example.jp", "転出届", body,
                StandardCharsets.UTF_8, "UTF-8", "8bit"));

        assertThat(reader.poll(OKUSHIRI).reviews()).isEqualTo(1);

        Map<String, Object> v = taskService.getVariables(reviewTaskFor(id("invalid")).getId());
        assertThat((String) v.get("reviewReason")).contains("申請内容に誤りがある");
        assertThat((String) v.get("fieldErrors")).contains("1980年2月30日", "filer.birthDate", "newAddress.municipalityCode");
        assertThat(v).containsEntry("filerName", "奥尻 誤郎").containsEntry("plannedMoveOutDate", "2026-12-10")
                .containsEntry("filerBirthDate", "1980年2月30日").containsEntry("cardHolderNumber", "1")
                .containsEntry("cardType", "MY_NUMBER").containsEntry("continuedUse", "true")
                .containsEntry("moversText", "奥尻 誤郎, オクシリ ゴロウ, 1980-04-01, 男, 世帯主");
        assertThat(jdbc.sql("select count(*) from transfer_out_request where source_ref = :id").param("id", id("invalid"))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aTransferOutToTheOriginItselfStartsNoCaseButTellsTheClerkItIsATenkyo() throws Exception {
        String body = request("転居", "テンキョ").replace("新住所の市区町村コード：012025", "新住所の市区町村コード：013676");
        deliver(mail, OKUSHIRI_INTAKE, IntakeMails.textMail(id("to-origin"), "tenkyo@example.jp", "転出届", body,
                StandardCharsets.UTF_8, "UTF-8", "8bit"));

        assertThat(reader.poll(OKUSHIRI).reviews()).isEqualTo(1);

        Map<String, Object> v = taskService.getVariables(reviewTaskFor(id("to-origin")).getId());
        assertThat((String) v.get("fieldErrors")).contains("newAddress.municipalityCode", "転居届");
        assertThat(jdbc.sql("select count(*) from transfer_out_request where source_ref = :id").param("id", id("to-origin"))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void emptyBodiesAttachmentsOnlyAndGarbageAreNeverDropped() throws Exception {
        deliver(mail, OKUSHIRI_INTAKE, IntakeMails.textMail(id("empty"), "empty@example.jp", "", "", StandardCharsets.UTF_8,
                "UTF-8", "7bit"));
        deliver(mail, OKUSHIRI_INTAKE, ("From: scan@example.jp\r\nMessage-ID: " + id("scan") + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] garbage = new byte[2000];
        new java.util.Random(3).nextBytes(garbage);
        deliver(mail, OKUSHIRI_INTAKE, IntakeMails.concat(("Message-ID: " + id("garbage") + "\r\nContent-Type: text/plain; charset=x-none\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), garbage));

        IntakeMailboxReader.PollReport report = reader.poll(OKUSHIRI);

        assertThat(report.reviews()).isEqualTo(3);
        assertThat((String) taskService.getVariables(reviewTaskFor(id("empty")).getId()).get("reviewReason")).contains("本文がありません");
        Map<String, Object> scan = taskService.getVariables(reviewTaskFor(id("scan")).getId());
        assertThat((String) scan.get("reviewReason")).contains("添付ファイルだけ");
        assertThat((String) scan.get("attachmentNames")).contains("scan.pdf");
        assertThat(reviewTaskFor(id("garbage"))).isNotNull();
        assertThat(IntakeMails.flags(OKUSHIRI_INTAKE)).allSatisfy(f -> assertThat(f).containsExactly(true, true));
    }

    static String recipients(jakarta.mail.internet.MimeMessage m) {
        try {
            return java.util.Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    String id(String name) {
        return "<" + name + "-" + run + "@example.jp>";
    }

    String receiptOf(String messageId) {
        return jdbc.sql("select receipt_number from intake_mail where message_id = :id").param("id", messageId)
                .query(String.class).single();
    }

    String statusOf(String messageId) {
        return jdbc.sql("select status from intake_mail where message_id = :id").param("id", messageId)
                .query(String.class).single();
    }

    /** The review's task, after its auto-reply job ran (the job executor is off in tests). */
    Task reviewTaskFor(String messageId) {
        String pid = jdbc.sql("select review_process_id from intake_mail where message_id = :id").param("id", messageId)
                .query(String.class).single();
        executeDueJobs(runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult());
        return taskService.createTaskQuery().processInstanceId(pid).singleResult();
    }

    String reviewReasons() {
        List<String> reasons = new ArrayList<>(jdbc.sql("select message_id || ': ' || reason from intake_mail where status = 'REVIEW'")
                .query(String.class).list());
        return String.join("\n", reasons);
    }
}
