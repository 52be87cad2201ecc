package jp.jukiflow.metrics.internal;

import jp.jukiflow.support.OnPostgres;

/** {@link DashboardFiguresTest} against real PostgreSQL. */
@OnPostgres
class DashboardFiguresPostgresIT extends DashboardFiguresTest {
}
