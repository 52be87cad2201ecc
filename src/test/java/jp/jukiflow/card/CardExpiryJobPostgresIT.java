package jp.jukiflow.card;

import jp.jukiflow.support.OnPostgres;

/** {@link CardExpiryJobTest} against real PostgreSQL. */
@OnPostgres
class CardExpiryJobPostgresIT extends CardExpiryJobTest {
}
