package jp.jukiflow.audit;

import jp.jukiflow.support.OnPostgres;

/** {@link AuditLogTest} against real PostgreSQL. */
@OnPostgres
class AuditLogPostgresIT extends AuditLogTest {
}
