package jp.jukiflow.notify;

import jp.jukiflow.support.OnPostgres;

/** {@link MailNotifierTest} against real PostgreSQL. */
@OnPostgres
class MailNotifierPostgresIT extends MailNotifierTest {
}
