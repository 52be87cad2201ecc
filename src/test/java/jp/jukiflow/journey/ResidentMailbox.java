package jp.jukiflow.journey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A resident's mailbox on the application's embedded mail server, read over IMAP as a mail program does (the server
 * makes a mailbox for each address it receives mail for, its login and password being the address), and the way a
 * resident sends a mail to the town over SMTP.
 */
public final class ResidentMailbox {

    /** One received mail: subject and plain text. */
    public record Mail(String subject, String text) {
    }

    private ResidentMailbox() {
    }

    public static List<Mail> read(PackagedApp app, String address) {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", Integer.toString(app.imapPort()));
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(p).getStore("imap");
            try {
                store.connect(address, address);
            } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
                return List.of();
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    mails.add(new Mail(m.getSubject(), text(m)));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the mailbox " + address, e);
        }
    }

    /** Waits until the mailbox holds a mail whose subject contains {@code subjectPart}, and returns every mail. */
    public static List<Mail> await(PackagedApp app, String address, String subjectPart) {
        return EngineApi.await("mail 「" + subjectPart + "」 to " + address, () -> {
            List<Mail> mails = read(app, address);
            return mails.stream().anyMatch(m -> m.subject().contains(subjectPart)) ? mails : null;
        });
    }

    /** Sends a plain-text mail over SMTP to the application's embedded server, as a resident's mail program does. */
    public static void send(PackagedApp app, String from, String to, String subject, String text) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(app.smtpPort()));
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, to);
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            Transport.send(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i)));
            }
            return sb.toString();
        }
        return "";
    }
}
