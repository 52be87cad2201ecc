package jp.jukiflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

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
}
