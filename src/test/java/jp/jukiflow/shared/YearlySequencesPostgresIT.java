package jp.jukiflow.shared;

import jp.jukiflow.support.OnPostgres;

/** {@link YearlySequencesTest} against real PostgreSQL. */
@OnPostgres
class YearlySequencesPostgresIT extends YearlySequencesTest {
}
