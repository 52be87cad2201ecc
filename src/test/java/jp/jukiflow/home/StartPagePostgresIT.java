package jp.jukiflow.home;

import jp.jukiflow.support.OnPostgres;

/** {@link StartPageTest} against real PostgreSQL. */
@OnPostgres
class StartPagePostgresIT extends StartPageTest {
}
