package jp.jukiflow.continuation;

import jp.jukiflow.support.OnPostgres;

/** {@link CardLapsesTest} against real PostgreSQL: two runs at once lapse each card once there too. */
@OnPostgres
class CardLapsesPostgresIT extends CardLapsesTest {
}
