package jp.jukiflow.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The whole application sending to the JVM-wide GreenMail of the tests ({@link TestMailServer}), emptied before each
 * test. {@link #withMailServerDown} points the mail sender at a closed port for a while.
 */
@JukiflowTest
abstract class MailTestSupport {

    @Autowired
    JavaMailSender mailSender;

    @BeforeEach
    void emptyMailboxes() {
        TestMailServer.reset();
    }

    static MimeMessage[] received() {
        return TestMailServer.received();
    }

    /** Runs {@code work} while the mail server cannot be reached (connection refused), then reconnects. */
    <T> T withMailServerDown(Supplier<T> work) {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        sender.setPort(closedPort());
        try {
            return work.get();
        } finally {
            sender.setPort(port);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
