package jp.jukiflow.jpki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
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

/**
 * Issues the certificates a card does not hold yet: their validity period (JUKI: {@code jukiflow.jpki
 * .juki-certificate-years} from the issue day; My Number: to the holder's 5th birthday after issue, renewed today
 * when that has passed while the card is still valid), their initial status following the card's, and the signed
 * X.509 certificates themselves. Runs inside the transaction of {@link CardCertificates}.
 */
final class CertificateIssuer {

    static final String PURPOSE_ISSUE = "電子証明書の発行";
    private static final Set<CardStatus> CARDS_WITH_CERTIFICATES = EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED,
            CardStatus.EXPIRED);

    private final CertificateStore store;
    private final CertificateAuthority authority;
    private final ResidentRegister register;
    private final JpkiSettings settings;
    private final Clock clock;
    private final CardValidity validity = new CardValidity();

    CertificateIssuer(CertificateStore store, CertificateAuthority authority, ResidentRegister register,
                      JpkiSettings settings, Clock clock) {
        this.store = store;
        this.authority = authority;
        this.register = register;
        this.settings = settings;
        this.clock = clock;
    }

    /** Issues and stores the card's missing certificates, given those it holds; whether any was issued. */
    boolean issueMissing(Card card, List<CardCertificate> existing) {
        if (!CARDS_WITH_CERTIFICATES.contains(card.status()) || !authority.configured()) {
            return false;
        }
        Set<CertificateKind> held = existing.stream().map(CardCertificate::kind).collect(Collectors.toSet());
        List<CertificateKind> missing = kindsOf(card.type()).stream().filter(k -> !held.contains(k)).toList();
        if (missing.isEmpty()) {
            return false;
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
        return true;
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
                : serial.toString(16).toUpperCase(Locale.ROOT)).build();
    }

    private static int keyUsage(CertificateKind kind) {
        return kind.signature() ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.digitalSignature;
    }

    private record Period(LocalDate from, LocalDate until) {
    }

    private record Signed(CertificateKind kind, BigInteger serial, String subject, byte[] der) {
    }
}
