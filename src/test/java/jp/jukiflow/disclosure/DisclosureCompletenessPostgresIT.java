package jp.jukiflow.disclosure;

import jp.jukiflow.support.OnPostgres;

/** {@link DisclosureCompletenessTest} against real PostgreSQL (the provision records' delivery id, V21). */
@OnPostgres
class DisclosureCompletenessPostgresIT extends DisclosureCompletenessTest {
}
