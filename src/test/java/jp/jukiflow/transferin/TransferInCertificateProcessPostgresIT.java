package jp.jukiflow.transferin;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferInCertificateProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferInCertificateProcessPostgresIT extends TransferInCertificateProcessTest {
}
