package jp.jukiflow.transferout;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferOutAbroadProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferOutAbroadProcessPostgresIT extends TransferOutAbroadProcessTest {
}
