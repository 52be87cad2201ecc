package jp.jukiflow.security;

import jp.jukiflow.support.OnPostgres;

/** {@link TasklistFiltersTest} against real PostgreSQL. */
@OnPostgres
class TasklistFiltersPostgresIT extends TasklistFiltersTest {
}
