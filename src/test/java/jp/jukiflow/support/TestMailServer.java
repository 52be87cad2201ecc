package jp.jukiflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One real mail server (GreenMail SMTP + IMAP on free loopback ports) for the whole test JVM. Every application
 * context of the tests sends its mail here (see {@link TestMailServerContextCustomizerFactory}); tests read what
 * arrived with {@link #received()} and clear it with {@link #reset()}.
 */
public final class TestMailServer {

    private static GreenMail greenMail;

    private TestMailServer() {
    }

    public static synchronized GreenMail get() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[]{
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    public static int smtpPort() {
        return get().getSmtp().getPort();
    }

    public static int imapPort() {
        return get().getImap().getPort();
    }

    public static MimeMessage[] received() {
        return get().getReceivedMessages();
    }

    /** Deletes every mail and mailbox. */
    public static void reset() {
        try {
            get().purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails received for {@code address} (a recipient containing it), in the order they came. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(received()).filter(m -> recipients(m).contains(address)).toList();
    }

    /** The first mail to {@code address} whose subject contains {@code subjectPart}; fails when there is none. */
    public static MimeMessage mailTo(String address, String subjectPart) {
        return receivedBy(address).stream().filter(m -> subject(m).contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address + " about \"" + subjectPart + "\""));
    }

    /** The first mail to {@code address}; fails when there is none. */
    public static MimeMessage mailTo(String address) {
        return mailTo(address, "");
    }

    /** The subjects of the mails to {@code address}. */
    public static List<String> subjectsTo(String address) {
        return receivedBy(address).stream().map(TestMailServer::subject).toList();
    }

    public static String subject(MimeMessage mail) {
        try {
            String subject = mail.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text mail's body with CRLF made LF. */
    public static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
