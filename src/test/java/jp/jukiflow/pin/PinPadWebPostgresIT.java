package jp.jukiflow.pin;

import jp.jukiflow.support.OnPostgres;

/** {@link PinPadWebTest} against real PostgreSQL. */
@OnPostgres
class PinPadWebPostgresIT extends PinPadWebTest {
}
