package jp.jukiflow.notify;

import jp.jukiflow.support.OnPostgres;

/** {@link SendMailDelegateTest} against real PostgreSQL. */
@OnPostgres
class SendMailDelegatePostgresIT extends SendMailDelegateTest {
}
