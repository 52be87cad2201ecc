package jp.jukiflow.card;

import jp.jukiflow.support.OnPostgres;

/** {@link CardReturnCounterTest} against real PostgreSQL. */
@OnPostgres
class CardReturnCounterPostgresIT extends CardReturnCounterTest {
}
