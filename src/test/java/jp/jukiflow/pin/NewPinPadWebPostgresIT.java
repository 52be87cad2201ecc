package jp.jukiflow.pin;

import jp.jukiflow.support.OnPostgres;

/** {@link NewPinPadWebTest} against real PostgreSQL. */
@OnPostgres
class NewPinPadWebPostgresIT extends NewPinPadWebTest {
}
