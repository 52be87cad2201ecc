package jp.jukiflow.transferout;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferOutQuestionsAndLettersProcessTest} against real PostgreSQL. */
@OnPostgres
class TransferOutQuestionsAndLettersProcessPostgresIT extends TransferOutQuestionsAndLettersProcessTest {
}
