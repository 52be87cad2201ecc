package jp.jukiflow.pinchange;

import jp.jukiflow.support.OnPostgres;

/** {@link PinChangeProcessTest} against real PostgreSQL. */
@OnPostgres
class PinChangeProcessPostgresIT extends PinChangeProcessTest {
}
