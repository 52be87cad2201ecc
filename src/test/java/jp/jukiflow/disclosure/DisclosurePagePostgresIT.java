package jp.jukiflow.disclosure;

import jp.jukiflow.support.OnPostgres;

/** {@link DisclosurePageTest} against real PostgreSQL. */
@OnPostgres
class DisclosurePagePostgresIT extends DisclosurePageTest {
}
