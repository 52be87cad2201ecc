package jp.jukiflow.widearea;

import jp.jukiflow.support.OnPostgres;

/** {@link WideAreaCopyWhoIsListedProcessTest} against real PostgreSQL. */
@OnPostgres
class WideAreaCopyWhoIsListedProcessPostgresIT extends WideAreaCopyWhoIsListedProcessTest {
}
