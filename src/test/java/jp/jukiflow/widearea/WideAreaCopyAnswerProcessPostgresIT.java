package jp.jukiflow.widearea;

import jp.jukiflow.support.OnPostgres;

/** {@link WideAreaCopyAnswerProcessTest} against real PostgreSQL. */
@OnPostgres
class WideAreaCopyAnswerProcessPostgresIT extends WideAreaCopyAnswerProcessTest {
}
