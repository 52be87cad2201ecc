package jp.jukiflow.card;

import jp.jukiflow.support.OnPostgres;

/** {@link PresentedCardsTest} against real PostgreSQL (the card's managing municipality freed by V8). */
@OnPostgres
class PresentedCardsPostgresIT extends PresentedCardsTest {
}
