package jp.jukiflow.card;

import jp.jukiflow.support.OnPostgres;

/** {@link NewPinPadWebTest} against real PostgreSQL. */
@OnPostgres
class NewPinPadWebPostgresIT extends NewPinPadWebTest {
}
