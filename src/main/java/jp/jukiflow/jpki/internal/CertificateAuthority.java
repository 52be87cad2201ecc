package jp.jukiflow.jpki.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jp.jukiflow.jpki.CardCertificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo certificate authority 「jukiflow デモ認証局」: an EC P-256 key and a self-signed certificate, created on first
 * use and kept in {@code jpki_ca} with the private key encrypted (PKCS#8 EncryptedPrivateKeyInfo, PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC) under {@code jukiflow.jpki.ca-key-secret}. Keeping it in the database (rather than
 * a PKCS#12 file in the data folder) gives every node of a deployment the same CA, puts it into the same backup as the
 * certificates it signed, and keeps the secret outside that backup. Signs card certificates and CRLs.
 */
@Component
public class CertificateAuthority {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** Before the first JUKI card (2003-08-25), so that every card certificate lies inside the CA's validity. */
    private static final LocalDate CA_NOT_BEFORE = LocalDate.of(2003, 8, 1);
    private static final int CA_YEARS = 30;
    private static final int KEY_ITERATIONS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

    private final CertificateStore store;
    private final JpkiSettings settings;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final SecureRandom random = new SecureRandom();
    private final BouncyCastleProvider bc = new BouncyCastleProvider();
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    CertificateAuthority(CertificateStore store, JpkiSettings settings, Clock clock, PlatformTransactionManager tx) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(tx);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!configured()) {
            log.warn("jukiflow.jpki.ca-key-secret (JUKIFLOW_JPKI_CA_KEY_SECRET) is not set: cards get no electronic "
                    + "certificates and /jpki/crl answers 404");
        }
    }

    /** Whether the CA can be used: its key's secret is set (the demo profile sets one). */
    public boolean configured() {
        String secret = settings.caKeySecret();
        return secret != null && !secret.isBlank();
    }

    /** The CA certificate (created on first use). */
    public X509Certificate certificate() {
        return ca().certificate();
    }

    /** A new EC P-256 key pair (a card's key; on a real card it is made inside the chip and never leaves it). */
    public KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** A positive random 128-bit serial number. */
    public BigInteger newSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    /** Signs an end-entity certificate for a card's key. */
    public byte[] issue(BigInteger serial, X500Name subject, PublicKey key, Instant notBefore, Instant notAfter,
                        int keyUsage) {
        Loaded ca = ca();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, ca.authorityKeyIdentifier())
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                            new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, settings.crlUrl()))),
                                    null, null)}));
            return builder.build(signer(ca)).getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not sign certificate " + serial.toString(16), e);
        }
    }

    /** Signs a CRL listing {@code entries} (each with its reason and status change date). */
    public byte[] crl(long number, Instant thisUpdate, Instant nextUpdate, List<CardCertificate> entries) {
        Loaded ca = ca();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (CardCertificate c : entries) {
                builder.addCRLEntry(c.serial(), Date.from(c.statusChangedAt()), c.reason().code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ca.authorityKeyIdentifier());
            return builder.build(signer(ca)).getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not sign CRL " + number, e);
        }
    }

    private ContentSigner signer(Loaded ca) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(ca.key());
    }

    private Loaded ca() {
        Loaded ca = loaded.get();
        if (ca == null) {
            synchronized (this) {
                ca = loaded.get();
                if (ca == null) {
                    ca = loadOrCreate();
                    loaded.set(ca);
                }
            }
        }
        return ca;
    }

    private Loaded loadOrCreate() {
        char[] secret = secret();
        var stored = newTransaction.execute(s -> store.ca());
        if (stored.isPresent()) {
            return decrypt(stored.get(), secret);
        }
        try {
            return newTransaction.execute(s -> create(secret));
        } catch (DuplicateKeyException e) {
            log.info("The JPKI demo CA was created by another node or thread meanwhile");
            return decrypt(newTransaction.execute(s -> store.ca()).orElseThrow(), secret);
        }
    }

    private Loaded create(char[] secret) {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, "jukiflow demo")
                .addRDN(BCStyle.CN, "jukiflow デモ認証局")
                .build();
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, newSerial(),
                    Date.from(CA_NOT_BEFORE.atStartOfDay(zone).toInstant()),
                    Date.from(now.atZone(zone).plusYears(CA_YEARS).toInstant().truncatedTo(ChronoUnit.SECONDS)),
                    subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()));
            byte[] certificate = builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keys.getPrivate()))
                    .getEncoded();
            byte[] encryptedKey = new JcaPKCS8Generator(keys.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                            .setProvider(bc)
                            .setPRF(org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256)
                            .setIterationCount(KEY_ITERATIONS)
                            .setRandom(random)
                            .setPassword(secret)
                            .build())
                    .generate().getContent();
            store.insertCa(subject.toString(), certificate, encryptedKey, now);
            log.info("Created the JPKI demo CA {}", subject);
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certificate));
            return new Loaded(x509, keys.getPrivate(), utils.createAuthorityKeyIdentifier(x509.getPublicKey()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the JPKI demo CA", e);
        }
    }

    private Loaded decrypt(CertificateStore.StoredCa stored, char[] secret) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(stored.certificateDer()));
        } catch (CertificateException e) {
            throw new IllegalStateException("The stored JPKI CA certificate cannot be read", e);
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(new PKCS8EncryptedPrivateKeyInfo(stored.encryptedPrivateKey())
                    .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bc).build(secret)));
        } catch (IOException | PKCSException | OperatorCreationException e) {
            throw new IllegalStateException("認証局の秘密鍵を復号できません。jukiflow.jpki.ca-key-secret が認証局の作成時と"
                    + "同じか確認してください。 (the JPKI CA key cannot be decrypted with jukiflow.jpki.ca-key-secret)", e);
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            AuthorityKeyIdentifier aki = utils.createAuthorityKeyIdentifier(certificate.getPublicKey());
            return new Loaded(certificate, key, aki);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private char[] secret() {
        if (!configured()) {
            throw new IllegalStateException("認証局の秘密鍵を保護する鍵（jukiflow.jpki.ca-key-secret、環境変数 "
                    + "JUKIFLOW_JPKI_CA_KEY_SECRET）が設定されていないため、電子証明書を発行できません。");
        }
        return settings.caKeySecret().toCharArray();
    }

    private record Loaded(X509Certificate certificate, PrivateKey key, AuthorityKeyIdentifier authorityKeyIdentifier) {
    }
}
