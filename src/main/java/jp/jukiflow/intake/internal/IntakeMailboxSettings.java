package jp.jukiflow.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where each municipality's intake mailbox is: {@code jukiflow.intake.mail.mailboxes.<code>.host}, {@code .port},
 * {@code .login}, {@code .password}, {@code .folder}, {@code .ssl}; by default the embedded server's IMAP
 * (127.0.0.1:3143, login {@code tenshutsu@<mail domain>}, the embedded password) and INBOX. A municipality without a
 * mail domain and without a configured login has no intake mailbox.
 */
@Component
public class IntakeMailboxSettings {

    static final String INTAKE_LOCAL_PART = "tenshutsu";

    private final MunicipalityDirectory municipalities;
    private final Environment environment;

    IntakeMailboxSettings(MunicipalityDirectory municipalities, Environment environment) {
        this.municipalities = municipalities;
        this.environment = environment;
    }

    /** One intake mailbox. */
    public record Mailbox(String municipalityCode, String host, int port, String login, String password,
                          String folder, boolean ssl) {

        @Override
        public String toString() {
            return "Mailbox[" + municipalityCode + ", " + login + "@" + host + ":" + port + "/" + folder + "]";
        }
    }

    /** Per-municipality overrides. */
    public record MailboxOverride(String host, Integer port, String login, String password, String folder, Boolean ssl,
                           Boolean enabled) {
    }

    public List<Mailbox> mailboxes() {
        Binder binder = Binder.get(environment);
        Map<String, MailboxOverride> overrides = binder.bind("jukiflow.intake.mail.mailboxes",
                Bindable.mapOf(String.class, MailboxOverride.class)).orElse(Map.of());
        String host = environment.getProperty("jukiflow.intake.mail.host", "127.0.0.1");
        int port = environment.getProperty("jukiflow.intake.mail.port", Integer.class,
                environment.getProperty("jukiflow.mail.embedded.imap-port", Integer.class, 3143));
        String password = environment.getProperty("jukiflow.intake.mail.password",
                environment.getProperty("jukiflow.mail.embedded.password", "jukiflow"));
        List<Mailbox> result = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            String code = m.code().value();
            MailboxOverride o = overrides.getOrDefault(code, new MailboxOverride(null, null, null, null, null, null, null));
            if (Boolean.FALSE.equals(o.enabled())) {
                continue;
            }
            String login = o.login() != null ? o.login()
                    : m.mailDomain() == null || m.mailDomain().isBlank() ? null : INTAKE_LOCAL_PART + "@" + m.mailDomain();
            if (login == null) {
                continue;
            }
            result.add(new Mailbox(code, o.host() != null ? o.host() : host, o.port() != null ? o.port() : port, login,
                    o.password() != null ? o.password() : password, o.folder() != null ? o.folder() : "INBOX",
                    Boolean.TRUE.equals(o.ssl())));
        }
        return result;
    }
}
