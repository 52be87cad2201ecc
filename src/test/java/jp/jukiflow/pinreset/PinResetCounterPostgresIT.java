package jp.jukiflow.pinreset;

import jp.jukiflow.support.OnPostgres;

/** {@link PinResetCounterTest} against real PostgreSQL. */
@OnPostgres
class PinResetCounterPostgresIT extends PinResetCounterTest {
}
