package jp.jukiflow.widearea;

import jp.jukiflow.support.OnPostgres;

/** {@link WideAreaCopyWithoutAnswerProcessTest} against real PostgreSQL. */
@OnPostgres
class WideAreaCopyWithoutAnswerProcessPostgresIT extends WideAreaCopyWithoutAnswerProcessTest {
}
