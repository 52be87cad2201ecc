package jp.jukiflow.jukinet;

import jp.jukiflow.support.OnPostgres;

/** {@link JukinetGatewayTest} against real PostgreSQL. */
@OnPostgres
class JukinetGatewayPostgresIT extends JukinetGatewayTest {
}
