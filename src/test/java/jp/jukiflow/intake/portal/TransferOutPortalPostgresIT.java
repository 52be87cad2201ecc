package jp.jukiflow.intake.portal;

import jp.jukiflow.support.OnPostgres;

/** {@link TransferOutPortalTest} against real PostgreSQL. */
@OnPostgres
class TransferOutPortalPostgresIT extends TransferOutPortalTest {
}
