package jp.jukiflow.transferin;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferInWithCardProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferInWithCardProcessPostgresIT extends TransferInWithCardProcessTest {
}
