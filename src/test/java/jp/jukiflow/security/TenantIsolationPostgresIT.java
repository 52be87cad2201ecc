package jp.jukiflow.security;

import jp.jukiflow.support.OnPostgres;

/** {@link TenantIsolationTest} against real PostgreSQL. */
@OnPostgres
class TenantIsolationPostgresIT extends TenantIsolationTest {
}
