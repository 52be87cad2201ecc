package jp.jukiflow.jpki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jp.jukiflow.jpki.internal.CertificateAuthority;
import jp.jukiflow.jpki.internal.CertificateStore;
import jp.jukiflow.jpki.internal.JpkiSettings;
import jp.jukiflow.shared.ResourceNotFound;

/**
 * The CRL and the CA certificate that are published: a new CRL is signed only when the listed certificates changed or
 * half its validity has passed. Runs inside the transaction of {@link CardCertificates}.
 */
final class RevocationList {

    private final CertificateStore store;
    private final CertificateAuthority authority;
    private final JpkiSettings settings;
    private final Clock clock;

    RevocationList(CertificateStore store, CertificateAuthority authority, JpkiSettings settings, Clock clock) {
        this.store = store;
        this.authority = authority;
        this.settings = settings;
        this.clock = clock;
    }

    byte[] current() {
        requireCa();
        authority.certificate();
        long lastNumber = store.lockCrlNumber();
        Instant now = clock.instant();
        List<CardCertificate> entries = store.listedAt(now);
        String hash = contentHash(entries);
        Duration validity = settings.crlValidity();
        var latest = store.latestCrl();
        if (latest.isPresent() && latest.get().contentHash().equals(hash) && !now.isBefore(latest.get().thisUpdate())
                && now.isBefore(latest.get().thisUpdate().plus(validity.dividedBy(2)))) {
            return latest.get().der();
        }
        long number = lastNumber + 1;
        Instant nextUpdate = now.plus(validity);
        byte[] der = authority.crl(number, now, nextUpdate, entries);
        store.insertCrl(number, now, nextUpdate, hash, der);
        return der;
    }

    byte[] caCertificate() {
        requireCa();
        try {
            return authority.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireCa() {
        if (!authority.configured()) {
            throw new ResourceNotFound("JPKI_CA_NOT_CONFIGURED",
                    "この環境には電子証明書の認証局が設定されていないため、失効リストと認証局の証明書はありません。");
        }
    }

    private static String contentHash(List<CardCertificate> entries) {
        StringBuilder text = new StringBuilder();
        for (CardCertificate c : entries) {
            text.append(c.serialHex()).append('|').append(c.reason()).append('|')
                    .append(c.statusChangedAt().toEpochMilli()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
