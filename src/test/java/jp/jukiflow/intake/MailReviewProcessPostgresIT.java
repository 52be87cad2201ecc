package jp.jukiflow.intake;

import jp.jukiflow.support.OnPostgres;

/** {@link MailReviewProcessTest} against real PostgreSQL. */
@OnPostgres
class MailReviewProcessPostgresIT extends MailReviewProcessTest {
}
