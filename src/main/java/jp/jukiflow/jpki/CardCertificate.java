package jp.jukiflow.jpki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One electronic certificate of a card.
 *
 * @param serial          the X.509 serial number
 * @param subject         the subject distinguished name (RFC 4514 style, as BouncyCastle writes it)
 * @param notBefore       first valid instant
 * @param notAfter        last valid instant (the last valid day, 23:59:59 in the deployment's zone)
 * @param status          the state as of now: a certificate past {@code notAfter} is EXPIRED
 * @param statusChangedAt when the state last changed (the revocation date of a CRL entry)
 * @param reason          the CRL reason of a SUSPENDED, REVOKED or LAPSED certificate, else {@code null}
 * @param der             the DER encoding of the X.509 certificate
 */
public record CardCertificate(long id, long cardId, CertificateKind kind, BigInteger serial, String subject,
                              Instant notBefore, Instant notAfter, CertificateStatus status, Instant statusChangedAt,
                              CrlReason reason, byte[] der) {

    public CardCertificate {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The serial as upper-case hexadecimal (as openssl prints it, without the padding zero). */
    public String serialHex() {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "CardCertificate[" + kind + " " + serialHex() + " " + status + "]";
    }
}
