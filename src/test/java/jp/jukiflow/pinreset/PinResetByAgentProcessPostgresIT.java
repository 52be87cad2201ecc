package jp.jukiflow.pinreset;

import jp.jukiflow.support.OnPostgres;

/** {@link PinResetByAgentProcessTest} against real PostgreSQL. */
@OnPostgres
class PinResetByAgentProcessPostgresIT extends PinResetByAgentProcessTest {
}
