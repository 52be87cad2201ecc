package jp.jukiflow.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with a GreenMail SMTP server on a free loopback port (the same port for every mail test class,
 * so they share one application context). {@link #withMailServerDown} points the mail sender at a closed port.
 */
@JukiflowTest
abstract class MailTestSupport {

    static final String LOOPBACK = "127.0.0.1";
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, LOOPBACK, ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> LOOPBACK);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    JavaMailSender mailSender;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** Runs {@code work} while the mail server cannot be reached (connection refused), then reconnects. */
    <T> T withMailServerDown(Supplier<T> work) {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        sender.setPort(freePort());
        try {
            return work.get();
        } finally {
            sender.setPort(port);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
