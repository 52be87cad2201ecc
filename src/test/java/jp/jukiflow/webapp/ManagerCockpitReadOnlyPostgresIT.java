package jp.jukiflow.webapp;

import jp.jukiflow.support.OnPostgres;

/** {@link ManagerCockpitReadOnlyTest} against real PostgreSQL. */
@OnPostgres
class ManagerCockpitReadOnlyPostgresIT extends ManagerCockpitReadOnlyTest {
}
