package jp.jukiflow.intake.api;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferOutRequestApiTest} against real PostgreSQL. */
@OnPostgres
class TransferOutRequestApiPostgresIT extends TransferOutRequestApiTest {
}
