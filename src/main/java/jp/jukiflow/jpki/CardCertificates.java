package jp.jukiflow.jpki;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.jpki.internal.CertificateAuthority;
import jp.jukiflow.jpki.internal.CertificateStore;
import jp.jukiflow.jpki.internal.JpkiSettings;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electronic certificates (公的個人認証) of the cards, and the CRL that publishes their revocation.
 *
 * <ul>
 *   <li>A JUKI card holds one certificate ({@link CertificateKind#JUKI_SIGNATURE}), valid [design]
 *       {@code jukiflow.jpki.juki-certificate-years} (3) years counted from its issue day; a My Number card holds a
 *       署名用 ({@link CertificateKind#SIGNATURE}) and a 利用者証明用 ({@link CertificateKind#USER_AUTH}) certificate,
 *       valid to the holder's 5th birthday after issue (never beyond the card).</li>
 *   <li>Certificates are issued with the card (on the card's issue day). A My Number certificate whose validity has
 *       already ended while the card is still valid (a card recorded after the fact, as the demo data does) is issued
 *       as renewed today, as a resident renews it at the counter. A JUKI certificate is never renewed (their issue
 *       ended with the JUKI card): it is recorded EXPIRED.</li>
 *   <li>ACTIVE and SUSPENDED cards get certificates (a suspended card's on hold at once); an EXPIRED card gets its
 *       certificate records as EXPIRED (so every JUKI card of the register has its one record); a card recorded as
 *       abolished, lapsed or returned gets none (its revocation date would be unknown, and nothing on it can be
 *       used).</li>
 * </ul>
 * Every status change writes a card event ({@code JPKI_*}) through {@link CardRegistry#recordEvent}; the issue itself
 * writes none (the card's own {@code ISSUED} event stands for it, and the certificate rows keep their issue data).
 * Without {@code jukiflow.jpki.ca-key-secret} (a deployment that is not the demo) no certificate is issued and
 * {@code /jpki/crl} answers 404. Issuing is done by {@link CertificateIssuer}, the CRL by {@link RevocationList}.
 */
@Service
@Transactional
public class CardCertificates {

    public static final String EVENT_SUSPENDED = "JPKI_SUSPENDED";
    public static final String EVENT_RELEASED = "JPKI_RELEASED";
    public static final String EVENT_REVOKED = "JPKI_REVOKED";
    public static final String EVENT_LAPSED = "JPKI_LAPSED";

    private final CertificateStore store;
    private final CardRegistry cards;
    private final Clock clock;
    private final CertificateIssuer issuer;
    private final RevocationList revocationList;

    CardCertificates(CertificateStore store, CertificateAuthority authority, CardRegistry cards,
                     ResidentRegister register, JpkiSettings settings, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.clock = clock;
        this.issuer = new CertificateIssuer(store, authority, register, settings, clock);
        this.revocationList = new RevocationList(store, authority, settings, clock);
    }

    /**
     * Issues the card's certificates that it does not hold yet (JUKI: one; MY_NUMBER: 署名用 and 利用者証明用) and
     * returns all of them. Idempotent. A SUSPENDED card's new certificates are on hold at once, an EXPIRED card's are
     * recorded as expired.
     */
    public List<CardCertificate> issueFor(Card card) {
        List<CardCertificate> existing = store.byCardForUpdate(card.id());
        return effective(issuer.issueMissing(card, existing) ? store.byCard(card.id()) : existing);
    }

    /** The card's certificates, oldest first, with their status as of now. */
    @Transactional(readOnly = true)
    public List<CardCertificate> certificatesOf(long cardId) {
        return effective(store.byCard(cardId));
    }

    /** 一時停止: every valid certificate of the card goes on hold (CRL reason certificateHold). */
    public List<CardCertificate> suspend(long cardId) {
        return change(cardId, c -> c.status() == CertificateStatus.VALID, CertificateStatus.SUSPENDED,
                CrlReason.CERTIFICATE_HOLD, EVENT_SUSPENDED, "電子証明書の一時停止");
    }

    /** 一時停止の解除: every certificate on hold is valid again and leaves the next CRL. */
    public List<CardCertificate> release(long cardId) {
        return change(cardId, c -> c.status() == CertificateStatus.SUSPENDED, CertificateStatus.VALID, null,
                EVENT_RELEASED, "電子証明書の一時停止の解除");
    }

    /** 失効: every valid or held certificate of the card is revoked for good (廃止, 返納, 紛失・盗難). */
    public List<CardCertificate> revoke(long cardId, RevocationReason reason) {
        return change(cardId, c -> c.status().open(), CertificateStatus.REVOKED, reason.crlReason(), EVENT_REVOKED,
                "電子証明書の失効（" + reason.crlReason().labelJa() + "）");
    }

    /**
     * The move-out (転出): the signature certificate (署名用, or the JUKI card's) lapses with CRL reason
     * affiliationChanged; the 利用者証明用 certificate stays valid.
     */
    public List<CardCertificate> lapseSignature(long cardId) {
        return change(cardId, c -> c.status().open() && c.kind().signature(), CertificateStatus.LAPSED,
                CrlReason.AFFILIATION_CHANGED, EVENT_LAPSED, "署名用電子証明書の失効（転出）");
    }

    /**
     * The current CRL (DER), signed by the CA: it lists every held, revoked or lapsed certificate that has not
     * expired. A new CRL (thisUpdate now, the next CRL number) is issued when that list changed or half the CRL's
     * validity has passed; otherwise the last one is served again.
     */
    public byte[] currentCrl() {
        return revocationList.current();
    }

    /** The CA certificate (DER). */
    @Transactional(readOnly = true)
    public byte[] caCertificate() {
        return revocationList.caCertificate();
    }

    private List<CardCertificate> change(long cardId, Predicate<CardCertificate> applies, CertificateStatus to,
                                         CrlReason reason, String eventType, String reasonJa) {
        cards.findById(cardId).orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND", "カードが見つかりません。"));
        Instant now = clock.instant();
        List<CardCertificate> changed = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (CardCertificate c : effective(store.byCardForUpdate(cardId))) {
            if (applies.test(c)) {
                store.updateStatus(c.id(), to, now, reason);
                changed.add(new CardCertificate(c.id(), c.cardId(), c.kind(), c.serial(), c.subject(), c.notBefore(),
                        c.notAfter(), to, now, reason, c.der()));
                detail.add(c.kind() + " " + c.serialHex() + " " + c.status() + "→" + to);
            }
        }
        if (!changed.isEmpty()) {
            cards.recordEvent(cardId, eventType, reasonJa, String.join("; ", detail));
        }
        return changed;
    }

    private List<CardCertificate> effective(List<CardCertificate> stored) {
        Instant now = clock.instant();
        return stored.stream().map(c -> c.status().open() && c.notAfter().isBefore(now)
                ? new CardCertificate(c.id(), c.cardId(), c.kind(), c.serial(), c.subject(), c.notBefore(), c.notAfter(),
                        CertificateStatus.EXPIRED, c.notAfter(), null, c.der())
                : c).toList();
    }
}
