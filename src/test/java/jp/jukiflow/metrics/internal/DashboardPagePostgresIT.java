package jp.jukiflow.metrics.internal;

import jp.jukiflow.support.OnPostgres;

/** {@link DashboardPageTest} against real PostgreSQL. */
@OnPostgres
class DashboardPagePostgresIT extends DashboardPageTest {
}
