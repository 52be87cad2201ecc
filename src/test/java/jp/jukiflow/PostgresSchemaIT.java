package jp.jukiflow;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.OnPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PostgreSQL suite really runs on PostgreSQL, with Flyway's and Camunda's schemas side by side. */
@JukiflowTest
@OnPostgres
class PostgresSchemaIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(managementService.getProperties()).isNotEmpty();
        assertThat(managementService.getTableCount()).containsKey("ACT_RU_TASK");
    }

    @Test
    void flywayMigratedOurTablesBesideCamundas() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from municipality").query(Long.class).single()).isEqualTo(2L);
    }
}
