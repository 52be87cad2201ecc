package jp.jukiflow.move;

import jp.jukiflow.support.OnPostgres;

/** {@link RemovedRecordAfterSpecialMoveTest} against real PostgreSQL. */
@OnPostgres
class RemovedRecordAfterSpecialMovePostgresIT extends RemovedRecordAfterSpecialMoveTest {
}
