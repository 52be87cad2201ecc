package jp.jukiflow.suspension;

import jp.jukiflow.support.OnPostgres;

/** {@link CardSuspensionProcessTest} against real PostgreSQL. */
@OnPostgres
class CardSuspensionProcessPostgresIT extends CardSuspensionProcessTest {
}
