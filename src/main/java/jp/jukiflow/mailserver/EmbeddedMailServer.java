package jp.jukiflow.mailserver;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * GreenMail SMTP and IMAP on loopback, so that the zero-setup run has a real mail server: jukiflow sends to it over
 * SMTP and reads each municipality's intake mailbox over IMAP, exactly as it would with a production server.
 */
public class EmbeddedMailServer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final int smtpPort;
    private final int imapPort;
    private final List<Mailbox> mailboxes;
    private GreenMail greenMail;

    public EmbeddedMailServer(int smtpPort, int imapPort, List<Mailbox> mailboxes) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.mailboxes = List.copyOf(mailboxes);
    }

    @Override
    public void afterPropertiesSet() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        for (Mailbox mailbox : mailboxes) {
            greenMail.setUser(mailbox.address(), mailbox.login(), mailbox.password());
        }
        log.info("Embedded mail server: SMTP {}:{}, IMAP {}:{}, mailboxes {}", LOOPBACK, smtpPort, LOOPBACK, imapPort,
                mailboxes.stream().map(Mailbox::address).toList());
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** A mailbox on the embedded server: its address, login and password. */
    public record Mailbox(String address, String login, String password) {
    }
}
