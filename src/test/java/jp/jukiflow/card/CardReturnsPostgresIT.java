package jp.jukiflow.card;

import jp.jukiflow.support.OnPostgres;

/** {@link CardReturnsTest} against real PostgreSQL. */
@OnPostgres
class CardReturnsPostgresIT extends CardReturnsTest {
}
