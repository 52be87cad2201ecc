package jp.jukiflow.jukinet;

import jp.jukiflow.support.OnPostgres;

/** {@link JukinetHttpEndpointTest} against real PostgreSQL. */
@OnPostgres
class JukinetHttpEndpointPostgresIT extends JukinetHttpEndpointTest {
}
