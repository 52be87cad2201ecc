package jp.jukiflow.security;

import jp.jukiflow.support.OnPostgres;

/** {@link WebSecurityTest} against real PostgreSQL. */
@OnPostgres
class WebSecurityPostgresIT extends WebSecurityTest {
}
