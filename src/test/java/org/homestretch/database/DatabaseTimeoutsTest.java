package org.homestretch.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.mock.env.MockEnvironment;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTimeoutsTest {

    private final DatabaseTimeouts timeouts = new DatabaseTimeouts(new MockEnvironment());

    @Test
    void an_external_pool_waits_seconds_not_half_a_minute_for_a_dead_database() {
        try (HikariDataSource pool = new HikariDataSource()) {
            timeouts.postProcessAfterInitialization(pool, "dataSource");

            assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
            assertThat(pool.getValidationTimeout()).isEqualTo(1000);
            assertThat(pool.getDataSourceProperties())
                    .containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2")
                    .containsEntry("socketTimeout", "10");
        }
    }

    @Test
    void the_embedded_servers_data_source_gets_the_same_driver_time_outs() throws Exception {
        // The class zonky hands to the embedded pool; the driver is only on the run-time class path.
        DataSource driver = (DataSource) Class.forName("org.postgresql.ds.PGSimpleDataSource")
                .getDeclaredConstructor().newInstance();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setDataSource(driver);
            new DatabaseTimeouts(new MockEnvironment().withProperty(DatabaseTimeouts.CONNECTION_TIMEOUT, "4s")
                    .withProperty(DatabaseTimeouts.SOCKET_TIMEOUT, "20s")).postProcessAfterInitialization(pool, "dataSource");

            assertThat(pool.getConnectionTimeout()).isEqualTo(4000);
            BeanWrapperImpl settings = new BeanWrapperImpl(driver);
            assertThat(settings.getPropertyValue("connectTimeout")).isEqualTo(2);
            assertThat(settings.getPropertyValue("socketTimeout")).isEqualTo(20);
            assertThat(settings.getPropertyValue("loginTimeout")).isEqualTo(2);
        }
    }
}
