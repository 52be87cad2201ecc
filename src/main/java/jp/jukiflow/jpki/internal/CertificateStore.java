package jp.jukiflow.jpki.internal;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.jpki.CardCertificate;
import jp.jukiflow.jpki.CertificateKind;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.jpki.CrlReason;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables jpki_ca, jpki_certificate and jpki_crl. Statuses are read as stored (no expiry applied). */
@Repository
public class CertificateStore {

    private static final RowMapper<CardCertificate> CERTIFICATE = CertificateStore::certificate;

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored CA, if one was created. */
    public Optional<StoredCa> ca() {
        return jdbc.sql("select certificate_der, encrypted_private_key from jpki_ca where id = 1")
                .query((rs, n) -> new StoredCa(rs.getBytes(1), rs.getBytes(2))).optional();
    }

    /** Inserts the CA row; fails with a duplicate key if another node or thread was first. */
    public void insertCa(String subject, byte[] certificateDer, byte[] encryptedKey, Instant createdAt) {
        jdbc.sql("""
                insert into jpki_ca (id, subject, certificate_der, encrypted_private_key, created_at, last_crl_number)
                values (1, ?, ?, ?, ?, 0)""")
                .params(subject, certificateDer, encryptedKey, Timestamp.from(createdAt)).update();
    }

    /** Locks the CA row until the transaction ends and returns the last CRL number issued. */
    public long lockCrlNumber() {
        return jdbc.sql("select last_crl_number from jpki_ca where id = 1 for update").query(Long.class).single();
    }

    public void insertCrl(long number, Instant thisUpdate, Instant nextUpdate, String contentHash, byte[] der) {
        jdbc.sql("insert into jpki_crl (crl_number, this_update, next_update, content_hash, der) values (?, ?, ?, ?, ?)")
                .params(number, Timestamp.from(thisUpdate), Timestamp.from(nextUpdate), contentHash, der).update();
        jdbc.sql("update jpki_ca set last_crl_number = ? where id = 1").param(number).update();
    }

    public Optional<StoredCrl> latestCrl() {
        return jdbc.sql("""
                select crl_number, this_update, next_update, content_hash, der from jpki_crl
                where crl_number = (select max(crl_number) from jpki_crl)""")
                .query((rs, n) -> new StoredCrl(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    public long insert(long cardId, CertificateKind kind, BigInteger serial, String subject, Instant notBefore,
                       Instant notAfter, CertificateStatus status, Instant statusChangedAt, CrlReason reason,
                       byte[] der) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into jpki_certificate (card_id, kind, serial, subject, not_before, not_after, status,
                  status_changed_at, reason, der)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cardId, kind.name(), hex(serial), subject, Timestamp.from(notBefore), Timestamp.from(notAfter),
                        status.name(), Timestamp.from(statusChangedAt), reason == null ? null : reason.name(), der)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<CardCertificate> byCard(long cardId) {
        return jdbc.sql("select * from jpki_certificate where card_id = ? order by id").param(cardId)
                .query(CERTIFICATE).list();
    }

    /** The card's certificates, their rows locked until the transaction ends. */
    public List<CardCertificate> byCardForUpdate(long cardId) {
        return jdbc.sql("select * from jpki_certificate where card_id = ? order by id for update").param(cardId)
                .query(CERTIFICATE).list();
    }

    public void updateStatus(long id, CertificateStatus status, Instant changedAt, CrlReason reason) {
        jdbc.sql("""
                update jpki_certificate set status = ?, status_changed_at = ?, reason = ?, version = version + 1
                where id = ?""")
                .params(status.name(), Timestamp.from(changedAt), reason == null ? null : reason.name(), id).update();
    }

    /** What a CRL issued at {@code at} lists: held, revoked and lapsed certificates not yet expired, by serial. */
    public List<CardCertificate> listedAt(Instant at) {
        return jdbc.sql("""
                select * from jpki_certificate where status in ('SUSPENDED', 'REVOKED', 'LAPSED') and not_after >= ?
                order by serial""")
                .param(Timestamp.from(at)).query(CERTIFICATE).list();
    }

    /** Cards that could hold certificates but have none (recorded before this module existed). */
    public List<Long> cardsWithoutCertificates() {
        return jdbc.sql("""
                select c.id from card c where c.status in ('ACTIVE', 'SUSPENDED', 'EXPIRED')
                  and not exists (select 1 from jpki_certificate j where j.card_id = c.id)
                order by c.id""")
                .query(Long.class).list();
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    private static CardCertificate certificate(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new CardCertificate(rs.getLong("id"), rs.getLong("card_id"), CertificateKind.valueOf(rs.getString("kind")),
                new BigInteger(rs.getString("serial"), 16), rs.getString("subject"),
                rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                CertificateStatus.valueOf(rs.getString("status")), rs.getTimestamp("status_changed_at").toInstant(),
                reason == null ? null : CrlReason.valueOf(reason), rs.getBytes("der"));
    }

    /** The CA row. */
    public record StoredCa(byte[] certificateDer, byte[] encryptedPrivateKey) {
    }

    /** One issued CRL. */
    public record StoredCrl(long number, Instant thisUpdate, Instant nextUpdate, String contentHash, byte[] der) {
    }
}
