package jp.jukiflow.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jukiflow.intake.TransferOutMailParser;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.InvalidTransferOutRequest;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.ResidentAnswers;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to one intake mail, apart from IMAP: record it (raw), then in one transaction either hand it to the
 * case waiting for the resident's answer ({@link ResidentAnswers}, when it names that case's receipt number), or start
 * the case through {@link TransferOutIntake}, or, when the mail cannot be read as a valid request, start
 * {@code mail-review}.
 * The row lock on {@code intake_mail} keeps two nodes from deciding the same mail twice; the Message-ID (the
 * {@code sourceRef}) keeps a mail read again from becoming a second case. Only a decided mail may be flagged in the
 * mailbox: see {@link Outcome#decided()}.
 */
@Component
public class MailIntakeProcessor {

    private static final Logger log = LoggerFactory.getLogger(MailIntakeProcessor.class);
    /** Keys longer than this are hashed, so that they fit the case's source reference. */
    private static final int MAX_KEY = 250;
    /** 受付番号: 団体コード-年-連番, e.g. 013676-2026-000123. */
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("(?<![0-9])([0-9]{6})-[0-9]{4}-[0-9]{6}(?![0-9])");

    private final IntakeMailStore store;
    private final TransferOutIntake intake;
    private final ResidentAnswers answers;
    private final MailReviewStarter reviews;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MailContentExtractor extractor = new MailContentExtractor();
    private final TransferOutMailParser parser = new TransferOutMailParser();
    private final int maxAttempts;
    private final long maxReadableBytes;

    public MailIntakeProcessor(IntakeMailStore store, TransferOutIntake intake, ResidentAnswers answers, MailReviewStarter reviews,
                        PlatformTransactionManager transactionManager, Clock clock,
                        @Value("${jukiflow.intake.mail.max-attempts:3}") int maxAttempts,
                        @Value("${jukiflow.intake.mail.max-readable-size:30MB}") org.springframework.util.unit.DataSize maxReadable) {
        this.store = store;
        this.intake = intake;
        this.answers = answers;
        this.reviews = reviews;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.maxReadableBytes = maxReadable.toBytes();
    }

    /** What became of a mail. */
    public enum Outcome {
        CASE_STARTED, ANSWER_TO_CASE, REVIEW, ALREADY_DECIDED, FAILED;

        /** The mail's fate is committed: it may be flagged as processed in the mailbox. */
        public boolean decided() {
            return this != FAILED;
        }
    }

    /**
     * @param municipalityCode whose mailbox the mail came from
     * @param raw              the whole mail as received
     * @param arrivedAt        when it arrived in the mailbox (the day that counts for the deadlines)
     */
    public Outcome process(String municipalityCode, byte[] raw, Instant arrivedAt) {
        boolean tooLarge = raw.length > maxReadableBytes;
        MailContent content = tooLarge ? extractor.extractHeaders(raw) : extractor.extract(raw);
        String key = key(content.messageId(), raw);
        IntakeMailStore.Row row = store.recordIfAbsent(municipalityCode, key, content.fromAddress(), content.subject(),
                arrivedAt, clock.instant(), raw);
        if (row.decided()) {
            return Outcome.ALREADY_DECIDED;
        }
        try {
            if (row.attempts() >= maxAttempts) {
                return review(row, content, "自動処理で技術的なエラーが" + row.attempts()
                        + "回続いたため、自動では受け付けられませんでした。", null, null);
            }
            if (tooLarge) {
                return review(row, content, "メールが大きすぎるため（" + (raw.length / (1024 * 1024))
                        + " MB）、自動では読み取りませんでした。", null, null);
            }
            Outcome answer = answerToWaitingCase(row, content);
            if (answer != null) {
                return answer;
            }
            if (!content.hasBody()) {
                return review(row, content, String.join("", content.problems()), null, null);
            }
            TransferOutMailParser.Result parsed = parser.parse(content.bodyText(), content.fromAddress());
            if (parsed instanceof TransferOutMailParser.NotARequest notARequest) {
                return review(row, content, withProblems(notARequest.reason(), content), null, null);
            }
            TransferOutForm form = ((TransferOutMailParser.Parsed) parsed).form();
            try {
                return submit(row, content, form, key, arrivedAt);
            } catch (InvalidTransferOutRequest invalid) {
                return review(row, content, withProblems("申請内容に誤りがあるため、自動では受け付けられませんでした（"
                        + invalid.errors().size() + "件）。", content), form, ReviewForm.describe(invalid.errors()));
            }
        } catch (RuntimeException e) {
            int attempts = store.countFailedAttempt(row.id(), clock.instant());
            log.warn("Intake mail {} of {} could not be processed (attempt {}); it stays unread and is tried again",
                    key, municipalityCode, attempts, e);
            return Outcome.FAILED;
        }
    }

    private Outcome submit(IntakeMailStore.Row row, MailContent content, TransferOutForm form, String key,
                           Instant arrivedAt) {
        return transaction.execute(status -> {
            if (!IntakeMailStore.RECEIVED.equals(store.lockStatus(row.id()))) {
                return Outcome.ALREADY_DECIDED;
            }
            Receipt receipt = intake.submit(row.municipalityCode(), form, IntakeChannel.MAIL, content.attachments(),
                    arrivedAt, key);
            store.markCaseStarted(row.id(), receipt.receiptNumber(), clock.instant());
            log.info("Intake mail {} of {} became case {}", key, row.municipalityCode(), receipt.receiptNumber());
            return Outcome.CASE_STARTED;
        });
    }

    /**
     * A resident's reply to 「不足事項の照会」: the subject or body names a receipt number of this municipality whose
     * case waits for an answer. Null when no such case waits: the mail is then handled as new mail.
     */
    private Outcome answerToWaitingCase(IntakeMailStore.Row row, MailContent content) {
        Set<String> receiptNumbers = new LinkedHashSet<>();
        for (String text : List.of(content.subject(), content.bodyText())) {
            Matcher m = RECEIPT_NUMBER.matcher(text == null ? "" : text);
            while (m.find()) {
                if (m.group(1).equals(row.municipalityCode())) {
                    receiptNumbers.add(m.group());
                }
            }
        }
        for (String receiptNumber : receiptNumbers) {
            Outcome outcome = transaction.execute(status -> {
                if (!IntakeMailStore.RECEIVED.equals(store.lockStatus(row.id()))) {
                    return Outcome.ALREADY_DECIDED;
                }
                String text = content.hasBody() ? content.bodyText() : "（本文なし）";
                if (!answers.answerReceived(row.municipalityCode(), receiptNumber, text, content.attachments())) {
                    return null;
                }
                store.markAnswerToCase(row.id(), receiptNumber, clock.instant());
                log.info("Intake mail {} of {} answers case {}", row.messageId(), row.municipalityCode(), receiptNumber);
                return Outcome.ANSWER_TO_CASE;
            });
            if (outcome != null) {
                return outcome;
            }
        }
        return null;
    }

    private Outcome review(IntakeMailStore.Row row, MailContent content, String reason, TransferOutForm prefill,
                           String fieldErrors) {
        return transaction.execute(status -> {
            if (!IntakeMailStore.RECEIVED.equals(store.lockStatus(row.id()))) {
                return Outcome.ALREADY_DECIDED;
            }
            String processInstanceId = reviews.start(row, content, reason, prefill, fieldErrors);
            store.markReview(row.id(), processInstanceId, reason, clock.instant());
            log.info("Intake mail {} of {} goes to a clerk: {}", row.messageId(), row.municipalityCode(), reason);
            return Outcome.REVIEW;
        });
    }

    private static String withProblems(String reason, MailContent content) {
        List<String> problems = content.problems();
        return problems.isEmpty() ? reason : reason + "\n" + String.join("\n", problems);
    }

    /** The Message-ID, or a hash of the raw bytes when there is none (or a hash of an overlong one). */
    static String key(String messageId, byte[] raw) {
        if (messageId == null || messageId.isBlank()) {
            return "sha256:" + sha256(raw);
        }
        if (messageId.length() > MAX_KEY) {
            return "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8));
        }
        return messageId;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
