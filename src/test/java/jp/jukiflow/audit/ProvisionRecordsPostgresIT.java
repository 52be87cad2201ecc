package jp.jukiflow.audit;

import jp.jukiflow.support.OnPostgres;

/** {@link ProvisionRecordsTest} against real PostgreSQL. */
@OnPostgres
class ProvisionRecordsPostgresIT extends ProvisionRecordsTest {
}
