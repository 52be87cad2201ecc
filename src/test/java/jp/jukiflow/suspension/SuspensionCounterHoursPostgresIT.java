package jp.jukiflow.suspension;

import jp.jukiflow.support.OnPostgres;

/** {@link SuspensionCounterHoursTest} against real PostgreSQL. */
@OnPostgres
class SuspensionCounterHoursPostgresIT extends SuspensionCounterHoursTest {
}
