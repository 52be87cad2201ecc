package jp.jukiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a timed test (run with {@code ./mvnw -Pbenchmark verify}): the whole application on H2 with the
 * scheduled IMAP poller on (every second), 1,000 label-format requests in mixed encodings put into 奥尻町's intake
 * mailbox on GreenMail (plus 100 second copies of the same Message-IDs), then the time until 1,000 cases exist and
 * the number of duplicates. Prints the figures and writes them to {@code target/mail-intake-benchmark.txt}.
 */
@JukiflowTest
@TestPropertySource(properties = {"jukiflow.intake.mail.enabled=true", "jukiflow.intake.mail.poll-interval=PT1S",
        "jukiflow.intake.mail.initial-delay=PT1S", "logging.level.jp.jukiflow.intake=WARN"})
class MailIntakeBenchmark {

    static final int MAILS = Integer.getInteger("benchmark.mails", 1000);
    static final int RESENT = MAILS / 10;
    static final Duration LIMIT = Duration.ofMinutes(10);

    @Autowired
    JdbcClient jdbc;

    @Test
    void thousandMailsBecomeThousandCases() throws Exception {
        TestMailServer.reset();
        IntakeMails.createMailboxes(TestMailServer.get());
        Charset jis = Charset.forName("x-windows-iso2022jp");
        Charset ms932 = Charset.forName("windows-31j");
        String[] given = {"一郎", "二郎", "三郎", "四郎", "五郎", "六郎"};
        String[] kana = {"イチロウ", "ジロウ", "サブロウ", "シロウ", "ゴロウ", "ロクロウ"};

        long start = System.nanoTime();
        for (int i = 0; i < MAILS; i++) {
            String id = "<bench-" + i + "@example.jp>";
            String from = "resident" + i + "@example.jp";
            String body = IntakeMails.request(given[i % 6], kana[i % 6]).replace("01397-2-0000", "01397-2-" + String.format("%04d", i));
            byte[] raw = switch (i % 6) {
                case 0 -> IntakeMails.textMail(id, from, "転出届", body, jis, "ISO-2022-JP", "7bit");
                case 1 -> IntakeMails.textMail(id, from, "転出届", body, ms932, "Shift_JIS", "8bit");
                case 2 -> IntakeMails.textMail(id, from, "転出届", body, StandardCharsets.UTF_8, "UTF-8", "quoted-printable");
                case 3 -> IntakeMails.textMail(id, from, "転出届", body, StandardCharsets.UTF_8, "UTF-8", "base64");
                case 4 -> IntakeMails.htmlMail(id, from, body);
                default -> IntakeMails.mailWithAttachments(id, from, body);
            };
            IntakeMails.deliver(TestMailServer.get(), IntakeMails.OKUSHIRI_INTAKE, raw);
            if (i % 10 == 0) {
                // the same Message-ID once more: must not give a second case
                IntakeMails.deliver(TestMailServer.get(), IntakeMails.OKUSHIRI_INTAKE, raw);
            }
        }
        double delivered = seconds(start);

        int cases = 0;
        while (cases < MAILS && System.nanoTime() - start < LIMIT.toNanos()) {
            Thread.sleep(200);
            cases = countCases();
        }
        double elapsed = seconds(start);
        int duplicates = jdbc.sql("""
                        select count(*) from (select source_ref from transfer_out_request where source_ref like '<bench-%'
                                              group by source_ref having count(*) > 1) d""")
                .query(Integer.class).single();
        int receipts = jdbc.sql("""
                        select count(distinct receipt_number) from transfer_out_request where source_ref like '<bench-%'""")
                .query(Integer.class).single();
        int mailRows = jdbc.sql("select count(*) from intake_mail where message_id like '<bench-%'").query(Integer.class).single();
        int reviews = jdbc.sql("select count(*) from intake_mail where message_id like '<bench-%' and status <> 'CASE_STARTED'")
                .query(Integer.class).single();

        String report = String.format(Locale.ROOT, """
                Mail intake benchmark (%d mails + %d second copies, mixed ISO-2022-JP / Shift_JIS / UTF-8 QP / UTF-8 base64 / HTML / PDF+PNG)
                  delivered into the mailbox in      %.1f s
                  %d cases after                   %.1f s (from the first delivery; poller every 1 s)
                  throughput                          %.1f mails/s
                  duplicate cases (per Message-ID)    %d
                  distinct receipt numbers            %d
                  intake_mail rows                    %d (not CASE_STARTED: %d)
                  processors                          %d, max heap %d MB
                """, MAILS, RESENT, delivered, cases, elapsed, cases / elapsed, duplicates, receipts, mailRows, reviews,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println(report);
        write(report);

        assertThat(cases).isEqualTo(MAILS);
        assertThat(duplicates).isZero();
        assertThat(receipts).isEqualTo(MAILS);
    }

    private int countCases() {
        return jdbc.sql("select count(*) from transfer_out_request where source_ref like '<bench-%'").query(Integer.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void write(String report) throws IOException {
        Path out = Path.of(System.getProperty("benchmark.report", "target/mail-intake-benchmark.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }
}
