package jp.jukiflow.jpki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.CardValidity;
import jp.jukiflow.jpki.internal.CertificateAuthority;
import jp.jukiflow.jpki.internal.CertificateStore;
import jp.jukiflow.jpki.internal.JpkiSettings;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.ResourceNotFound;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * {@code /jpki/crl} answers 404.
 */
@Service
@Transactional
public class CardCertificates {

    public static final String EVENT_SUSPENDED = "JPKI_SUSPENDED";
    public static final String EVENT_RELEASED = "JPKI_RELEASED";
    public static final String EVENT_REVOKED = "JPKI_REVOKED";
    public static final String EVENT_LAPSED = "JPKI_LAPSED";
    static final String PURPOSE_ISSUE = "電子証明書の発行";
    private static final Set<CardStatus> CARDS_WITH_CERTIFICATES = EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED,
            CardStatus.EXPIRED);

    private final CertificateStore store;
    private final CertificateAuthority authority;
    private final CardRegistry cards;
    private final ResidentRegister register;
    private final JpkiSettings settings;
    private final Clock clock;
    private final CardValidity validity = new CardValidity();

    CardCertificates(CertificateStore store, CertificateAuthority authority, CardRegistry cards,
                     ResidentRegister register, JpkiSettings settings, Clock clock) {
        this.store = store;
        this.authority = authority;
        this.cards = cards;
        this.register = register;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Issues the card's certificates that it does not hold yet (JUKI: one; MY_NUMBER: 署名用 and 利用者証明用) and
     * returns all of them. Idempotent. A SUSPENDED card's new certificates are on hold at once, an EXPIRED card's are
     * recorded as expired.
     */
    public List<CardCertificate> issueFor(Card card) {
        List<CardCertificate> existing = store.byCardForUpdate(card.id());
        if (!CARDS_WITH_CERTIFICATES.contains(card.status()) || !authority.configured()) {
            return effective(existing);
        }
        Set<CertificateKind> held = existing.stream().map(CardCertificate::kind).collect(Collectors.toSet());
        List<CertificateKind> missing = kindsOf(card.type()).stream().filter(k -> !held.contains(k)).toList();
        if (missing.isEmpty()) {
            return effective(existing);
        }
        Resident holder = asCertificateAuthority(() -> register.find(ResidentCode.of(card.holderResidentCode()),
                PURPOSE_ISSUE))
                .orElseThrow(() -> new ResourceNotFound("RESIDENT_NOT_FOUND", "カードの所持者が住民基本台帳に見つかりません。"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        Period period = period(card, holder, today);
        Instant notBefore = period.from().atStartOfDay(zone).toInstant();
        Instant notAfter = period.until().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        CertificateStatus status;
        CrlReason reason = null;
        Instant changedAt = now;
        if (card.status() == CardStatus.EXPIRED || period.until().isBefore(today)) {
            status = CertificateStatus.EXPIRED;
            changedAt = notAfter.isBefore(now) ? notAfter : now;
        } else if (card.status() == CardStatus.SUSPENDED) {
            status = CertificateStatus.SUSPENDED;
            reason = CrlReason.CERTIFICATE_HOLD;
        } else {
            status = CertificateStatus.VALID;
        }
        authority.certificate(); // loaded (or created, in a transaction of its own) on this thread
        // key generation and signing only use the CPU: a My Number card's two certificates are made side by side
        List<Signed> signed = missing.parallelStream().map(kind -> {
            KeyPair keys = authority.newKeyPair(); // the private key is dropped here: on a real card it never leaves the chip
            BigInteger serial = authority.newSerial();
            X500Name subject = subject(kind, holder, serial);
            return new Signed(kind, serial, subject.toString(),
                    authority.issue(serial, subject, keys.getPublic(), notBefore, notAfter, keyUsage(kind)));
        }).toList();
        for (Signed c : signed) {
            store.insert(card.id(), c.kind(), c.serial(), c.subject(), notBefore, notAfter, status, changedAt, reason,
                    c.der());
        }
        return effective(store.byCard(card.id()));
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

    /** The CA certificate (DER). */
    @Transactional(readOnly = true)
    public byte[] caCertificate() {
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

    /**
     * Runs a register read as the system: the certificates are issued by the certificate authority for whoever records
     * the card (a clerk of any municipality, a job, the demo data), so the read of the holder's name and birth date is
     * not bound to the operator's municipality. It is still audited (actor {@code system}, purpose 電子証明書の発行).
     */
    private static <T> T asCertificateAuthority(Supplier<T> read) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(CurrentActor.SYSTEM, null,
                List.of(new SimpleGrantedAuthority("GROUP_" + TenantAccess.ADMINS_GROUP))));
        SecurityContextHolder.setContext(system);
        try {
            return read.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static List<CertificateKind> kindsOf(CardType type) {
        return type == CardType.JUKI ? List.of(CertificateKind.JUKI_SIGNATURE)
                : List.of(CertificateKind.SIGNATURE, CertificateKind.USER_AUTH);
    }

    /** First and last valid day of the certificates issued now for the card. */
    private Period period(Card card, Resident holder, LocalDate today) {
        LocalDate from = card.issuedOn();
        LocalDate until;
        if (card.type() == CardType.JUKI) {
            until = min(yearsCountedFrom(from, settings.jukiCertificateYears()), card.validUntil());
        } else {
            until = validity.certificateValidUntil(holder.birthDate(), from, card.validUntil());
            if (until.isBefore(today) && !card.validUntil().isBefore(today) && card.status() != CardStatus.EXPIRED) {
                from = today; // renewed at the counter (更新)
                until = validity.certificateValidUntil(holder.birthDate(), from, card.validUntil());
            }
        }
        return new Period(from, until.isBefore(from) ? from : until);
    }

    /** Last day of {@code years} years whose first day is {@code start} (as the card's own period is counted). */
    static LocalDate yearsCountedFrom(LocalDate start, int years) {
        LocalDate anniversary = start.plusYears(years);
        return anniversary.getDayOfMonth() == start.getDayOfMonth() ? anniversary.minusDays(1) : anniversary;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static X500Name subject(CertificateKind kind, Resident holder, BigInteger serial) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, "jukiflow demo");
        // the 利用者証明用 certificate carries no personal data, as in the real JPKI: only an identifier
        return name.addRDN(BCStyle.CN, kind.signature() ? holder.name().full()
                : serial.toString(16).toUpperCase(java.util.Locale.ROOT)).build();
    }

    private static int keyUsage(CertificateKind kind) {
        return kind.signature() ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.digitalSignature;
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

    private record Period(LocalDate from, LocalDate until) {
    }

    private record Signed(CertificateKind kind, BigInteger serial, String subject, byte[] der) {
    }
}
