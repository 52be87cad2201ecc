package jp.jukiflow.transferin;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferInFilingDayTest} against real PostgreSQL. */
@OnPostgres
class TransferInFilingDayPostgresIT extends TransferInFilingDayTest {
}
