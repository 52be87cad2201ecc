package jp.jukiflow.continuation;

import jp.jukiflow.support.OnPostgres;

/** {@link CardContinuationProcessTest} against real PostgreSQL. */
@OnPostgres
class CardContinuationProcessPostgresIT extends CardContinuationProcessTest {
}
