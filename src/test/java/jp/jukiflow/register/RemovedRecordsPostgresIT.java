package jp.jukiflow.register;

import jp.jukiflow.support.OnPostgres;

/** {@link RemovedRecordsTest} against real PostgreSQL. */
@OnPostgres
class RemovedRecordsPostgresIT extends RemovedRecordsTest {
}
