package jp.jukiflow.continuation;

import jp.jukiflow.support.OnPostgres;

/** {@link ContinuationAfterOrdinaryTransferInTest} against real PostgreSQL. */
@OnPostgres
class ContinuationAfterOrdinaryTransferInPostgresIT extends ContinuationAfterOrdinaryTransferInTest {
}
