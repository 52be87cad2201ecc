package jp.jukiflow.demo;

import jp.jukiflow.support.OnPostgres;

/** {@link DemoDataTest} against real PostgreSQL. */
@OnPostgres
class DemoDataPostgresIT extends DemoDataTest {
}
