/**
 * JPKI (公的個人認証): the electronic certificates of each card — one for a JUKI card, 署名用 and 利用者証明用 for a
 * My Number card — issued as X.509 certificates by a demo certificate authority, and their revocation published as a
 * signed X.509 CRL at {@code GET /jpki/crl} (the CA certificate at {@code GET /jpki/ca.crt}).
 *
 * <p>Public API: {@link jp.jukiflow.jpki.CardCertificates}. Certificates are issued when a card is recorded
 * ({@link jp.jukiflow.card.CardRecorded}); suspension, lifting, 廃止/返納 and the move-out change them.
 */
package jp.jukiflow.jpki;
