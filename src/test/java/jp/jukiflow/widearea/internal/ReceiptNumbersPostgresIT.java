package jp.jukiflow.widearea.internal;

import jp.jukiflow.support.OnPostgres;

/** {@link ReceiptNumbersTest} against real PostgreSQL (its row locks and unique-key conflicts). */
@OnPostgres
class ReceiptNumbersPostgresIT extends ReceiptNumbersTest {
}
