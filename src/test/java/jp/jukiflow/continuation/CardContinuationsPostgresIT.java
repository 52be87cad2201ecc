package jp.jukiflow.continuation;

import jp.jukiflow.support.OnPostgres;

/** {@link CardContinuationsTest} against real PostgreSQL. */
@OnPostgres
class CardContinuationsPostgresIT extends CardContinuationsTest {
}
