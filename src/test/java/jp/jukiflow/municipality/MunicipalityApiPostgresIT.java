package jp.jukiflow.municipality;

import jp.jukiflow.support.OnPostgres;

/** {@link MunicipalityApiTest} against real PostgreSQL. */
@OnPostgres
class MunicipalityApiPostgresIT extends MunicipalityApiTest {
}
