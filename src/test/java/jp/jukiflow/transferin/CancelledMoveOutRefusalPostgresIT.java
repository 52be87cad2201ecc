package jp.jukiflow.transferin;

import jp.jukiflow.support.OnPostgres;

/** {@link CancelledMoveOutRefusalTest} against real PostgreSQL. */
@OnPostgres
class CancelledMoveOutRefusalPostgresIT extends CancelledMoveOutRefusalTest {
}
