package jp.jukiflow.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jp.jukiflow.intake.internal.IntakeMailboxSettings;
import jp.jukiflow.intake.internal.MailIntakeProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads each municipality's intake mailbox over IMAP (Jakarta Mail): every unseen message of the folder (INBOX) is
 * fetched without marking it read ({@code mail.imap.peek}), handed to {@link MailIntakeProcessor} (recorded in
 * {@code intake_mail}, then a case or a clerk's review), and only once that is committed flagged {@code \Seen} and
 * {@code \Flagged}. A failure or a crash before the flags leaves the message unseen: it is read again at the next poll
 * and its Message-ID keeps it to one case. The poll runs every {@code jukiflow.intake.mail.poll-interval}
 * (see {@code IntakeMailPolling}); two nodes may poll the same mailbox.
 */
@Component
public class IntakeMailboxReader {

    private static final Logger log = LoggerFactory.getLogger(IntakeMailboxReader.class);
    /** Committed messages are flagged in batches of this size (and at the end of the poll). */
    private static final int FLAG_BATCH = 25;

    private final IntakeMailboxSettings settings;
    private final MailIntakeProcessor processor;
    private final Clock clock;

    public IntakeMailboxReader(IntakeMailboxSettings settings, MailIntakeProcessor processor, Clock clock) {
        this.settings = settings;
        this.processor = processor;
        this.clock = clock;
    }

    /** What one poll did: mails read; started a case or answered one; went to review; seen before; failed. */
    public record PollReport(int read, int toCases, int reviews, int alreadyDecided, int failed) {

        PollReport plus(PollReport o) {
            return new PollReport(read + o.read, toCases + o.toCases, reviews + o.reviews,
                    alreadyDecided + o.alreadyDecided, failed + o.failed);
        }
    }

    /** Reads every municipality's mailbox once. A mailbox that cannot be reached is logged and skipped. */
    public PollReport poll() {
        PollReport total = new PollReport(0, 0, 0, 0, 0);
        for (IntakeMailboxSettings.Mailbox mailbox : settings.mailboxes()) {
            try {
                total = total.plus(poll(mailbox));
            } catch (MessagingException | RuntimeException e) {
                log.warn("Intake mailbox {} could not be read: {}", mailbox, e.toString());
            }
        }
        return total;
    }

    /** Reads one municipality's mailbox once. */
    public PollReport poll(String municipalityCode) throws MessagingException {
        for (IntakeMailboxSettings.Mailbox mailbox : settings.mailboxes()) {
            if (mailbox.municipalityCode().equals(municipalityCode)) {
                return poll(mailbox);
            }
        }
        throw new IllegalArgumentException("no intake mailbox for " + municipalityCode);
    }

    private PollReport poll(IntakeMailboxSettings.Mailbox mailbox) throws MessagingException {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol);
        // fetching a message must not mark it \Seen: that happens only after its case is committed
        props.setProperty("mail." + protocol + ".peek", "true");
        props.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        props.setProperty("mail." + protocol + ".timeout", "60000");
        props.setProperty("mail." + protocol + ".partialfetch", "false");
        Session session = Session.getInstance(props);
        int read = 0;
        int cases = 0;
        int reviews = 0;
        int already = 0;
        int failed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.login(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                FetchProfile profile = new FetchProfile();
                // the envelope brings INTERNALDATE (the arrival) and the size
                profile.add(FetchProfile.Item.ENVELOPE);
                folder.fetch(unseen, profile);
                List<Message> decided = new ArrayList<>();
                for (Message message : unseen) {
                    read++;
                    MailIntakeProcessor.Outcome outcome = handle(mailbox, message);
                    switch (outcome) {
                        case CASE_STARTED, ANSWER_TO_CASE -> cases++;
                        case REVIEW -> reviews++;
                        case ALREADY_DECIDED -> already++;
                        case FAILED -> failed++;
                    }
                    if (outcome.decided()) {
                        decided.add(message);
                    }
                    if (decided.size() >= FLAG_BATCH) {
                        flagProcessed(folder, decided);
                    }
                }
                flagProcessed(folder, decided);
            } finally {
                folder.close(false);
            }
        }
        PollReport report = new PollReport(read, cases, reviews, already, failed);
        if (read > 0) {
            log.info("Intake mailbox {}: {}", mailbox, report);
        }
        return report;
    }

    /**
     * Flags committed messages \Seen and \Flagged, one IMAP STORE for a batch. A crash before this leaves them
     * unseen: read again, they are recognised by their Message-ID and only flagged.
     */
    private static void flagProcessed(Folder folder, List<Message> decided) throws MessagingException {
        if (decided.isEmpty()) {
            return;
        }
        Flags processed = new Flags(Flags.Flag.SEEN);
        processed.add(Flags.Flag.FLAGGED);
        folder.setFlags(decided.toArray(Message[]::new), processed, true);
        decided.clear();
    }

    private MailIntakeProcessor.Outcome handle(IntakeMailboxSettings.Mailbox mailbox, Message message) {
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Intake mailbox {}: message {} could not be fetched, it stays unread: {}", mailbox,
                    message.getMessageNumber(), e.toString());
            return MailIntakeProcessor.Outcome.FAILED;
        }
        return processor.process(mailbox.municipalityCode(), raw, arrivedAt(message));
    }

    /**
     * When the mail reached the mailbox (IMAP INTERNALDATE), which is the day that counts; never later than the
     * application's clock (a demo or test running "as of" an earlier day takes the mail as arriving now).
     */
    private Instant arrivedAt(Message message) {
        Instant now = clock.instant();
        try {
            Date received = message.getReceivedDate();
            if (received != null && received.toInstant().isBefore(now)) {
                return received.toInstant();
            }
        } catch (MessagingException e) {
            // no INTERNALDATE: the time of reading
        }
        return now;
    }
}
