package jp.jukiflow.mailserver;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded mail server when {@code jukiflow.mail.embedded.enabled} is true (the demo default), with an
 * intake mailbox {@code tenshutsu@<mail domain>} for every configured municipality.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jukiflow.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServerConfiguration {

    static final String INTAKE_LOCAL_PART = "tenshutsu";

    @Bean
    EmbeddedMailServer embeddedMailServer(@Value("${jukiflow.mail.embedded.smtp-port}") int smtpPort,
                                          @Value("${jukiflow.mail.embedded.imap-port}") int imapPort,
                                          @Value("${jukiflow.mail.embedded.password:jukiflow}") String password,
                                          Environment environment) {
        List<EmbeddedMailServer.Mailbox> mailboxes = Binder.get(environment)
                .bind("jukiflow.municipalities", Bindable.listOf(MailDomain.class)).orElse(List.of()).stream()
                .map(MailDomain::mailDomain)
                .filter(Objects::nonNull)
                .map(domain -> INTAKE_LOCAL_PART + "@" + domain)
                .map(address -> new EmbeddedMailServer.Mailbox(address, address, password))
                .toList();
        return new EmbeddedMailServer(smtpPort, imapPort, mailboxes);
    }

    /** The one setting of a municipality this configuration needs. */
    record MailDomain(String code, String mailDomain) {
    }
}
