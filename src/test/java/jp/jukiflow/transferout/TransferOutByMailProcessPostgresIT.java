package jp.jukiflow.transferout;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferOutByMailProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferOutByMailProcessPostgresIT extends TransferOutByMailProcessTest {
}
