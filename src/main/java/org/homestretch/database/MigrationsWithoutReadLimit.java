package org.homestretch.database;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lifts the driver's read limit ({@link DatabaseTimeouts#SOCKET_TIMEOUT}) for the migrations at
 * start-up: an index built on a large table may take longer than a request ever should, and
 * cutting it off would stop the app from starting. The pool puts the limit back when the
 * connection is returned.
 */
@Component
class MigrationsWithoutReadLimit implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool == null) {
            return;
        }
        configuration.dataSource(new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connection.setNetworkTimeout(Runnable::run, 0);
                return connection;
            }
        });
    }
}
