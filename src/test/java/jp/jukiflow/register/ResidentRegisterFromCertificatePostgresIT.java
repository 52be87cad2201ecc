package jp.jukiflow.register;

import jp.jukiflow.support.OnPostgres;

/** {@link ResidentRegisterFromCertificateTest} against real PostgreSQL. */
@OnPostgres
class ResidentRegisterFromCertificatePostgresIT extends ResidentRegisterFromCertificateTest {
}
