package jp.jukiflow.metrics.internal;

import jp.jukiflow.support.OnPostgres;

/** {@link PrometheusEndpointTest} against real PostgreSQL. */
@OnPostgres
class PrometheusEndpointPostgresIT extends PrometheusEndpointTest {
}
