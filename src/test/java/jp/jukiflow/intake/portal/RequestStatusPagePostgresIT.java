package jp.jukiflow.intake.portal;

import jp.jukiflow.support.OnPostgres;

/** {@link RequestStatusPageTest} against real PostgreSQL. */
@OnPostgres
class RequestStatusPagePostgresIT extends RequestStatusPageTest {
}
