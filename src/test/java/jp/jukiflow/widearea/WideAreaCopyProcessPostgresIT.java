package jp.jukiflow.widearea;

import jp.jukiflow.support.OnPostgres;

/** {@link WideAreaCopyProcessTest} against real PostgreSQL. */
@OnPostgres
class WideAreaCopyProcessPostgresIT extends WideAreaCopyProcessTest {
}
