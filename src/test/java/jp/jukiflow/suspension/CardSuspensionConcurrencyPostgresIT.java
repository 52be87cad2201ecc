package jp.jukiflow.suspension;

import jp.jukiflow.support.OnPostgres;

/** {@link CardSuspensionConcurrencyTest} against real PostgreSQL: the race of 解除 and 廃止届, round after round. */
@OnPostgres
class CardSuspensionConcurrencyPostgresIT extends CardSuspensionConcurrencyTest {
}
