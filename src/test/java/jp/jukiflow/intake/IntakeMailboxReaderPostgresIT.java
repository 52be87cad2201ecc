package jp.jukiflow.intake;

import jp.jukiflow.support.OnPostgres;

/** {@link IntakeMailboxReaderTest} against real PostgreSQL. */
@OnPostgres
class IntakeMailboxReaderPostgresIT extends IntakeMailboxReaderTest {
}
