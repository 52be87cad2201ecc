package jp.jukiflow.notify.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jp.jukiflow.municipality.Municipality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the mail comes from: {@code <jukiflow.mail.from-local-part>@<mail domain of the municipality>} (default
 * {@code tenshutsu@…}, the intake mailbox, so that a reply reaches the clerks), shown as e.g. 「奥尻町 住民係」 with the
 * section name of {@code jukiflow.mail.section-name}.
 */
@Component
public class MailSettings {

    private final String fromLocalPart;
    private final String sectionName;

    MailSettings(@Value("${jukiflow.mail.from-local-part:tenshutsu}") String fromLocalPart,
                 @Value("${jukiflow.mail.section-name:住民係}") String sectionName) {
        this.fromLocalPart = fromLocalPart;
        this.sectionName = sectionName;
    }

    public String sectionName() {
        return sectionName;
    }

    /** The sender and reply address of a municipality, e.g. tenshutsu@okushiri.example. */
    public String senderAddress(Municipality municipality) {
        if (municipality.mailDomain() == null || municipality.mailDomain().isBlank()) {
            throw new IllegalStateException(municipality.name() + "（" + municipality.code().value()
                    + "）にメールのドメイン（mail-domain）が設定されていないため、メールを送信できません。");
        }
        return fromLocalPart + "@" + municipality.mailDomain();
    }

    /** The display name, e.g. 「奥尻町 住民係」. */
    public String senderName(Municipality municipality) {
        return municipality.name() + " " + sectionName;
    }

    /** From with its Japanese display name, encoded as UTF-8. */
    public InternetAddress sender(Municipality municipality) {
        try {
            InternetAddress address = new InternetAddress(senderAddress(municipality), senderName(municipality),
                    StandardCharsets.UTF_8.name());
            address.validate();
            return address;
        } catch (java.io.UnsupportedEncodingException | AddressException e) {
            throw new IllegalStateException("送信元のメールアドレスが正しくありません: " + senderAddress(municipality), e);
        }
    }
}
