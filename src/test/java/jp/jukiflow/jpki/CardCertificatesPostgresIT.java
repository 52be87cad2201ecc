package jp.jukiflow.jpki;

import jp.jukiflow.support.OnPostgres;

/** {@link CardCertificatesTest} against real PostgreSQL (bytea, row locks, the CRL number under a lock). */
@OnPostgres
class CardCertificatesPostgresIT extends CardCertificatesTest {
}
