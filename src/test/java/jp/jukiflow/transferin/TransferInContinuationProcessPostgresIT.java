package jp.jukiflow.transferin;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferInContinuationProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferInContinuationProcessPostgresIT extends TransferInContinuationProcessTest {
}
