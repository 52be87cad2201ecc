package jp.jukiflow.pinreset;

import jp.jukiflow.support.OnPostgres;

/** {@link PinResetProcessTest} against real PostgreSQL. */
@OnPostgres
class PinResetProcessPostgresIT extends PinResetProcessTest {
}
