package jp.jukiflow.pin;

import jp.jukiflow.support.OnPostgres;

/** {@link PinCheckServiceTest} against real PostgreSQL (row locks included). */
@OnPostgres
class PinCheckServicePostgresIT extends PinCheckServiceTest {
}
