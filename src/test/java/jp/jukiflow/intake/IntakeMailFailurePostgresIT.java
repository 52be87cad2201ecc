package jp.jukiflow.intake;

import jp.jukiflow.support.OnPostgres;

/** {@link IntakeMailFailureTest} against real PostgreSQL. */
@OnPostgres
class IntakeMailFailurePostgresIT extends IntakeMailFailureTest {
}
