package jp.jukiflow.jukinet;

import jp.jukiflow.support.OnPostgres;

/** {@link MoveOutCancellationTest} against real PostgreSQL. */
@OnPostgres
class MoveOutCancellationPostgresIT extends MoveOutCancellationTest {
}
