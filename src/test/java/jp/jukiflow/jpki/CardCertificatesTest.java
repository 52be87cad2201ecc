package jp.jukiflow.jpki;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.ExternalTool;
import jp.jukiflow.support.JukiflowTest;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The cards' electronic certificates and the CRL: certificates checked with the JDK, the CRL fetched over HTTP without a
 * login and read by the JDK's CertificateFactory and by openssl. Each test records its own card for a 函館市 resident
 * who had none (the 奥尻町 residents are picked by the process tests).
 */
@JukiflowTest
class CardCertificatesTest {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final String CRL_URL = "http://localhost:8080/jpki/crl";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    CardCertificates certificates;
    @Autowired
    CardRegistry cards;
    @Autowired
    JdbcClient jdbc;
    @Value("${jukiflow.jpki.ca-key-secret}")
    String caKeySecret;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    record Holder(String code, String familyName, String givenName, LocalDate birthDate) {
        String name() {
            return familyName + "　" + givenName;
        }
    }

    @Test
    void aMyNumberCardHasASignatureAndAUserAuthenticationCertificateToTheFifthBirthday() throws Exception {
        Holder h = freshHolder();
        LocalDate fifth = nthBirthdayAfter(h.birthDate(), TODAY, 5);
        Card card = record(h, CardType.MY_NUMBER, TODAY, nthBirthdayAfter(h.birthDate(), TODAY, 10), CardStatus.ACTIVE);

        List<CardCertificate> issued = certificates.certificatesOf(card.id());
        assertThat(issued).extracting(CardCertificate::kind)
                .containsExactlyInAnyOrder(CertificateKind.SIGNATURE, CertificateKind.USER_AUTH);
        assertThat(issued).allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));
        assertThat(issued).extracting(CardCertificate::serial).doesNotHaveDuplicates();
        X509Certificate ca = caCertificate();
        for (CardCertificate c : issued) {
            X509Certificate x = x509(c.der());
            x.verify(ca.getPublicKey());
            assertThat(x.getSerialNumber()).isEqualTo(c.serial()).isPositive();
            assertThat(x.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            assertThat(x.getNotBefore().toInstant()).isEqualTo(TODAY.atStartOfDay(JST).toInstant());
            assertThat(x.getNotAfter().toInstant())
                    .isEqualTo(fifth.plusDays(1).atStartOfDay(JST).toInstant().minusSeconds(1));
            assertThat(x.getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(x.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
            assertThat(x.getBasicConstraints()).isEqualTo(-1);
            assertThat(crlDistributionPoint(x)).isEqualTo(CRL_URL);
            assertThat(authorityKeyId(x)).isEqualTo(subjectKeyId(ca));
        }
        X509Certificate signature = x509(of(issued, CertificateKind.SIGNATURE).der());
        X509Certificate userAuth = x509(of(issued, CertificateKind.USER_AUTH).der());
        // keyUsage: [0] digitalSignature, [1] nonRepudiation
        assertThat(signature.getKeyUsage()).startsWith(true, true);
        assertThat(userAuth.getKeyUsage()).startsWith(true, false);
        assertThat(commonName(signature)).isEqualTo(h.name());
        assertThat(of(issued, CertificateKind.SIGNATURE).subject()).contains(h.name());
        String userAuthSubject = userAuth.getSubjectX500Principal().getName() + commonName(userAuth);
        assertThat(userAuthSubject).doesNotContain(h.familyName()).doesNotContain(h.givenName());

        // idempotent: issuing again gives the same certificates and stores nothing new
        assertThat(certificates.issueFor(card)).extracting(CardCertificate::serial)
                .containsExactlyInAnyOrderElementsOf(issued.stream().map(CardCertificate::serial).toList());
        assertThat(jdbc.sql("select count(*) from jpki_certificate where card_id = ?").param(card.id())
                .query(Long.class).single()).isEqualTo(2L);
        // the issue writes no card event of its own: the card's history stays as the card module writes it
        assertThat(cards.events(card.id())).extracting(CardEvent::eventType).containsExactly(CardRegistry.EVENT_ISSUED);
    }

    @Test
    void aJukiCardHasOneSignatureCertificateForThreeYearsFromIssue() throws Exception {
        Holder h = freshHolder();
        LocalDate issued = LocalDate.of(2014, 3, 10);
        Card card = record(h, CardType.JUKI, issued, LocalDate.of(2024, 3, 9), CardStatus.EXPIRED);

        List<CardCertificate> all = certificates.certificatesOf(card.id());
        assertThat(all).extracting(CardCertificate::kind).containsExactly(CertificateKind.JUKI_SIGNATURE);
        CardCertificate c = all.get(0);
        assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRED);
        X509Certificate x = x509(c.der());
        x.verify(caCertificate().getPublicKey());
        assertThat(x.getNotBefore().toInstant()).isEqualTo(issued.atStartOfDay(JST).toInstant());
        assertThat(x.getNotAfter().toInstant()).isEqualTo(Instant.parse("2017-03-09T14:59:59Z")); // 2017-03-09 23:59:59 JST
        assertThat(x.getKeyUsage()).startsWith(true, true);
        assertThat(commonName(x)).isEqualTo(h.name());
        // an expired certificate is never listed
        assertThat(fetchCrl().getRevokedCertificate(c.serial())).isNull();
    }

    @Test
    void aMyNumberCertificateWhoseValidityHadEndedIsIssuedAsRenewedToday() throws Exception {
        Holder h = freshHolder();
        LocalDate cardIssued = LocalDate.of(2018, 1, 10);
        LocalDate cardUntil = nthBirthdayAfter(h.birthDate(), cardIssued, 10);
        assertThat(nthBirthdayAfter(h.birthDate(), cardIssued, 5)).isBefore(TODAY);
        Card card = record(h, CardType.MY_NUMBER, cardIssued, cardUntil, CardStatus.ACTIVE);

        for (CardCertificate c : certificates.certificatesOf(card.id())) {
            X509Certificate x = x509(c.der());
            assertThat(c.status()).as(h + " " + cardUntil + " " + x.getNotBefore().toInstant() + " " + x.getNotAfter().toInstant())
                    .isEqualTo(CertificateStatus.VALID);
            assertThat(x.getNotBefore().toInstant()).isEqualTo(TODAY.atStartOfDay(JST).toInstant());
            LocalDate until = nthBirthdayAfter(h.birthDate(), TODAY, 5);
            LocalDate expected = until.isAfter(cardUntil) ? cardUntil : until; // never beyond the card
            assertThat(x.getNotAfter().toInstant())
                    .isEqualTo(expected.plusDays(1).atStartOfDay(JST).toInstant().minusSeconds(1));
        }
    }

    @Test
    void suspensionListsBothCertificatesOnHoldAndReleaseRemovesThemFromTheNextCrl() throws Exception {
        Card card = newMyNumberCard();
        List<CardCertificate> issued = certificates.certificatesOf(card.id());
        X509CRL before = fetchCrl();
        assertThat(issued).allSatisfy(c -> assertThat(before.getRevokedCertificate(c.serial())).isNull());

        assertThat(certificates.suspend(card.id())).hasSize(2);
        X509CRL held = fetchCrl();
        assertThat(crlNumber(held)).isGreaterThan(crlNumber(before));
        for (CardCertificate c : issued) {
            X509CRLEntry entry = held.getRevokedCertificate(c.serial());
            assertThat(entry).as(c.kind().name()).isNotNull();
            assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.CERTIFICATE_HOLD);
            assertThat(entry.getRevocationDate().toInstant()).isEqualTo(NOW);
        }
        assertThat(certificates.certificatesOf(card.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.SUSPENDED));
        // suspending again changes nothing: the same CRL is served
        assertThat(certificates.suspend(card.id())).isEmpty();
        assertThat(crlNumber(fetchCrl())).isEqualTo(crlNumber(held));

        assertThat(certificates.release(card.id())).hasSize(2);
        X509CRL released = fetchCrl();
        assertThat(crlNumber(released)).isGreaterThan(crlNumber(held));
        assertThat(issued).allSatisfy(c -> assertThat(released.getRevokedCertificate(c.serial())).isNull());
        assertThat(certificates.certificatesOf(card.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));
        assertThat(cards.events(card.id())).extracting(CardEvent::eventType).containsExactly(CardRegistry.EVENT_ISSUED,
                CardCertificates.EVENT_SUSPENDED, CardCertificates.EVENT_RELEASED);
        assertThat(cards.events(card.id()).get(1).detail()).contains("SIGNATURE").contains("USER_AUTH")
                .contains("VALID→SUSPENDED");
    }

    @Test
    void revocationIsListedWithItsReasonAndCannotBeLifted() throws Exception {
        Card lost = newMyNumberCard();
        Card abolished = newMyNumberCard();
        certificates.suspend(abolished.id());

        assertThat(certificates.revoke(lost.id(), RevocationReason.LOSS_OR_THEFT)).hasSize(2);
        assertThat(certificates.revoke(abolished.id(), RevocationReason.ABOLISHED_OR_RETURNED)).hasSize(2);
        // irreversible: neither a release nor a suspension touches a revoked certificate
        assertThat(certificates.release(lost.id())).isEmpty();
        assertThat(certificates.suspend(lost.id())).isEmpty();

        X509CRL crl = fetchCrl();
        for (CardCertificate c : certificates.certificatesOf(lost.id())) {
            assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(crl.getRevokedCertificate(c.serial()).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        }
        for (CardCertificate c : certificates.certificatesOf(abolished.id())) {
            assertThat(c.reason()).isEqualTo(CrlReason.CESSATION_OF_OPERATION);
            assertThat(crl.getRevokedCertificate(c.serial()).getRevocationReason())
                    .isEqualTo(CRLReason.CESSATION_OF_OPERATION);
        }
        assertThat(cards.events(lost.id())).filteredOn(e -> e.eventType().equals(CardCertificates.EVENT_REVOKED))
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("紛失・盗難"));
    }

    @Test
    void aMoveOutLapsesOnlyTheSignatureCertificate() throws Exception {
        Card card = newMyNumberCard();
        assertThat(certificates.lapseSignature(card.id())).extracting(CardCertificate::kind)
                .containsExactly(CertificateKind.SIGNATURE);
        List<CardCertificate> after = certificates.certificatesOf(card.id());
        CardCertificate signature = of(after, CertificateKind.SIGNATURE);
        CardCertificate userAuth = of(after, CertificateKind.USER_AUTH);
        assertThat(signature.status()).isEqualTo(CertificateStatus.LAPSED);
        assertThat(userAuth.status()).isEqualTo(CertificateStatus.VALID);

        X509CRL crl = fetchCrl();
        assertThat(crl.getRevokedCertificate(signature.serial()).getRevocationReason())
                .isEqualTo(CRLReason.AFFILIATION_CHANGED);
        assertThat(crl.getRevokedCertificate(userAuth.serial())).isNull();
        assertThat(cards.events(card.id())).extracting(CardEvent::eventType).contains(CardCertificates.EVENT_LAPSED);
    }

    @Test
    void theCrlIsSignedByTheCaWithNumberDatesAndAuthorityKeyAndServedUnchangedWhileNothingChanged() throws Exception {
        X509Certificate ca = caCertificate();
        X509CRL crl = fetchCrl();
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(crl.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plusSeconds(24 * 3600));
        assertThat(authorityKeyId(crl.getExtensionValue("2.5.29.35"))).isEqualTo(subjectKeyId(ca));
        X509CRL again = fetchCrl();
        assertThat(again.getEncoded()).isEqualTo(crl.getEncoded());
        // the demo's suspended cards are on hold
        assertThat(crl.getRevokedCertificates()).anySatisfy(
                e -> assertThat(e.getRevocationReason()).isEqualTo(CRLReason.CERTIFICATE_HOLD));
    }

    @Test
    void theCaCertificateIsPublicSelfSignedAndItsKeyIsStoredEncrypted() throws Exception {
        HttpResponse<byte[]> response = get("/jpki/ca.crt", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
        X509Certificate ca = x509(response.body());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(commonName(ca)).isEqualTo("jukiflow デモ認証局");
        assertThat(ca.getSubjectX500Principal().getName()).contains("O=jukiflow demo");

        byte[] stored = jdbc.sql("select encrypted_private_key from jpki_ca where id = 1").query(byte[].class).single();
        PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(stored);
        assertThatThrownBy(() -> encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                        .build("wrong secret".toCharArray())))
                .isInstanceOf(Exception.class);
        var key = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPrivateKey(encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                        .build(caKeySecret.toCharArray())));
        var signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signed = signer.sign();
        var verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(ca.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signed)).isTrue();
        // the cards' private keys are not kept anywhere
        assertThat(jdbc.sql("select count(*) from information_schema.columns where lower(table_name) = 'jpki_certificate' "
                + "and lower(column_name) like '%key%'").query(Long.class).single()).isZero();
    }

    @Test
    void opensslReadsTheCrlVerifiesItsSignatureAndListsTheReasons() throws Exception {
        Path openssl = ExternalTool.require("openssl", "apt-get install openssl");
        Card held = newMyNumberCard();
        Card lost = newMyNumberCard();
        Card moved = newMyNumberCard();
        certificates.suspend(held.id());
        certificates.revoke(lost.id(), RevocationReason.LOSS_OR_THEFT);
        certificates.lapseSignature(moved.id());

        Path dir = Files.createTempDirectory("jpki-crl");
        Path crlFile = dir.resolve("jukiflow.crl");
        Files.write(crlFile, fetchCrlBytes());
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(get("/jpki/ca.crt",
                null).body()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);

        String text = run(openssl.toString(), "crl", "-inform", "DER", "-in", crlFile.toString(), "-noout", "-text",
                "-nameopt", "RFC2253,-esc_msb");
        String verified = run(openssl.toString(), "crl", "-inform", "DER", "-in", crlFile.toString(), "-noout",
                "-CAfile", caFile.toString());
        assertThat(verified).contains("verify OK");
        assertThat(text).contains("Signature Algorithm: ecdsa-with-SHA256")
                .contains("CN=jukiflow デモ認証局,O=jukiflow demo,C=JP")
                .contains("Last Update: Nov 26 01:00:00 2026 GMT")
                .contains("Next Update: Nov 27 01:00:00 2026 GMT")
                .contains("X509v3 CRL Number")
                .contains("X509v3 Authority Key Identifier");
        Map<BigInteger, String> reasons = opensslEntries(text);
        for (CardCertificate c : certificates.certificatesOf(held.id())) {
            assertThat(reasons.get(c.serial())).as(c.kind().name()).isEqualTo("Certificate Hold");
        }
        for (CardCertificate c : certificates.certificatesOf(lost.id())) {
            assertThat(reasons.get(c.serial())).isEqualTo("Key Compromise");
        }
        List<CardCertificate> movedCertificates = certificates.certificatesOf(moved.id());
        assertThat(reasons.get(of(movedCertificates, CertificateKind.SIGNATURE).serial())).isEqualTo("Affiliation Changed");
        assertThat(reasons).doesNotContainKey(of(movedCertificates, CertificateKind.USER_AUTH).serial());
        // the same number of entries as the JDK reads
        assertThat(reasons).hasSize(fetchCrl().getRevokedCertificates().size());
    }

    @Test
    void theCrlIsPublicWithItsContentTypeAndOddRequestsAreNeverAServerError() throws Exception {
        HttpResponse<byte[]> crl = get("/jpki/crl", null);
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");

        assertThat(get("/jpki/crl", "application/json").statusCode()).isLessThan(500);
        assertThat(get("/jpki/crl?serial=%E3%81%82&x", null).statusCode()).isEqualTo(200);
        assertThat(get("/jpki/crl/", null).statusCode()).isLessThan(500);
        assertThat(get("/jpki/crl.pem", null).statusCode()).isLessThan(500).isNotEqualTo(200);
        assertThat(get("/jpki/ca.crt", "text/html").statusCode()).isLessThan(500);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/jpki/crl"))
                    .method(method, HttpRequest.BodyPublishers.ofString("garbage")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(method).isBetween(400, 499);
        }
        assertThatThrownBy(() -> certificates.suspend(-1)).isInstanceOf(ResourceNotFound.class);
        assertThatThrownBy(() -> certificates.revoke(Long.MAX_VALUE, RevocationReason.LOSS_OR_THEFT))
                .isInstanceOf(ResourceNotFound.class);
    }

    @Test
    void aClerkOfAnotherMunicipalityRecordingACardGetsItsCertificatesIssuedAsTheSystemAndAudited() {
        Holder h = freshHolder();
        PinTestCards.actAsClerk("okushiri-clerk", OKUSHIRI);
        Card card;
        try {
            card = record(h, CardType.MY_NUMBER, TODAY, nthBirthdayAfter(h.birthDate(), TODAY, 10), CardStatus.ACTIVE);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(certificates.certificatesOf(card.id())).hasSize(2);
        assertThat(cards.events(card.id())).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("okushiri-clerk"));
        assertThat(jdbc.sql("select actor from audit_log where subject_resident_code = ? and purpose = ?")
                .params(h.code(), "電子証明書の発行").query(String.class).list()).containsExactly("system");
    }

    @Test
    void theDemoCardsHoldTheirCertificatesAndTheSuspendedOnesAreOnHold() {
        assertThat(jdbc.sql("""
                select count(*) from card c where c.card_type = 'MY_NUMBER' and c.status in ('ACTIVE', 'SUSPENDED')
                  and not exists (select 1 from card_event e where e.card_id = c.id and e.event_type = 'IMPORTED')
                  and 2 <> (select count(distinct kind) from jpki_certificate j where j.card_id = c.id
                            and j.kind in ('SIGNATURE', 'USER_AUTH'))""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from card c where c.card_type = 'JUKI' and 1 <> (select count(*) from jpki_certificate j
                  where j.card_id = c.id and j.kind = 'JUKI_SIGNATURE' and j.status = 'EXPIRED')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from card c join jpki_certificate j on j.card_id = c.id
                where c.status = 'SUSPENDED' and j.status = 'SUSPENDED' and j.reason = 'CERTIFICATE_HOLD'""")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from card c join jpki_certificate j on j.card_id = c.id
                where c.status = 'ACTIVE' and c.card_type = 'MY_NUMBER' and j.status = 'VALID'""")
                .query(Long.class).single()).isPositive();
    }

    // --- helpers

    private Card newMyNumberCard() {
        Holder h = freshHolder();
        return record(h, CardType.MY_NUMBER, TODAY, nthBirthdayAfter(h.birthDate(), TODAY, 10), CardStatus.ACTIVE);
    }

    /** A 函館市 adult who holds no card (not born on 29 February, so that the birthday rule is plain). */
    private Holder freshHolder() {
        return jdbc.sql("""
                select resident_code, family_name, given_name, birth_date from resident r
                where r.municipality_code = '012025' and r.status = 'RESIDENT' and r.birth_date < date '2000-01-01'
                  and not (extract(month from r.birth_date) = 2 and extract(day from r.birth_date) = 29)
                  and not exists (select 1 from card c where c.resident_code = r.resident_code)
                order by r.resident_code""")
                .query((rs, i) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate()))
                .list().get(0);
    }

    private Card record(Holder h, CardType type, LocalDate issued, LocalDate validUntil, CardStatus status) {
        String pinHash = jdbc.sql("select min(pin_hash) from card").query(String.class).single();
        String number = (type == CardType.JUKI ? "JK" : "JM") + System.nanoTime() % 1_000_000_000L
                + SEQUENCE.incrementAndGet();
        return cards.record(new NewCard(type, number, h.code(), true, issued, validUntil, status, HAKODATE,
                CardPinState.fresh(pinHash), 4), "電子証明書のテスト");
    }

    static LocalDate nthBirthdayAfter(LocalDate birth, LocalDate after, int n) {
        MonthDay birthday = MonthDay.from(birth);
        int first = birthday.atYear(after.getYear()).isAfter(after) ? after.getYear() : after.getYear() + 1;
        return birthday.atYear(first + n - 1);
    }

    private static CardCertificate of(List<CardCertificate> list, CertificateKind kind) {
        return list.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private X509Certificate caCertificate() throws GeneralSecurityException {
        return x509(certificates.caCertificate());
    }

    private static X509Certificate x509(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static String commonName(X509Certificate x) {
        X500Name name = X500Name.getInstance(x.getSubjectX500Principal().getEncoded());
        return ((ASN1String) name.getRDNs(BCStyle.CN)[0].getFirst().getValue()).getString();
    }

    private static String crlDistributionPoint(X509Certificate x) throws IOException {
        CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                x.getExtensionValue("2.5.29.31")));
        GeneralName name = GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0];
        assertThat(name.getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return ((ASN1String) name.getName()).getString();
    }

    private static byte[] authorityKeyId(X509Certificate x) throws IOException {
        return authorityKeyId(x.getExtensionValue("2.5.29.35"));
    }

    private static byte[] authorityKeyId(byte[] extension) throws IOException {
        return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension)).getKeyIdentifier();
    }

    private static byte[] subjectKeyId(X509Certificate ca) throws IOException {
        return SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(ca.getExtensionValue("2.5.29.14")))
                .getKeyIdentifier();
    }

    private static long crlNumber(X509CRL crl) throws IOException {
        return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue("2.5.29.20")))
                .longValueExact();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** GET without any login. */
    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] fetchCrlBytes() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get("/jpki/crl", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        return response.body();
    }

    /** The CRL over HTTP, read by the JDK and its signature checked with the CA's public key. */
    private X509CRL fetchCrl() throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(fetchCrlBytes()));
        crl.verify(caCertificate().getPublicKey());
        return crl;
    }

    /** Serial → reason text of each entry of {@code openssl crl -text}. */
    private static Map<BigInteger, String> opensslEntries(String text) {
        Map<BigInteger, String> entries = new HashMap<>();
        Matcher m = Pattern.compile("Serial Number: ([0-9A-F]+)\\s+Revocation Date: [^\\n]+\\s+"
                + "CRL entry extensions:\\s+X509v3 CRL Reason Code:\\s+([A-Za-z ]+?)\\s*\\n").matcher(text);
        while (m.find()) {
            entries.put(new BigInteger(m.group(1), 16), m.group(2));
        }
        return entries;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
