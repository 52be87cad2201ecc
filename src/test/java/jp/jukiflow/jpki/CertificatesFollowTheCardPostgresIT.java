package jp.jukiflow.jpki;

import jp.jukiflow.support.OnPostgres;

/** {@link CertificatesFollowTheCardTest} against real PostgreSQL. */
@OnPostgres
class CertificatesFollowTheCardPostgresIT extends CertificatesFollowTheCardTest {
}
