package jp.jukiflow.jukinet;

import jp.jukiflow.support.OnPostgres;

/** {@link ExpectedMoveInsTest} against real PostgreSQL. */
@OnPostgres
class ExpectedMoveInsPostgresIT extends ExpectedMoveInsTest {
}
