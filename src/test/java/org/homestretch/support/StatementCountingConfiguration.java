package org.homestretch.support;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Puts {@link StatementCounter} between the pool and the embedded server's data source in every
 * context with the "test" profile, so a test can count statements without a context of its own.
 * The pool is left as it is (others look for a {@code HikariDataSource}); only the connections it
 * opens are wrapped.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class StatementCountingConfiguration {

    @org.springframework.context.annotation.Bean
    static BeanPostProcessor statementCountingPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() instanceof PGSimpleDataSource server
                        && !(server instanceof Counting)) {
                    Counting counting = new Counting();
                    try {
                        counting.initializeFrom(server);
                    } catch (java.io.IOException | ClassNotFoundException e) {
                        throw new IllegalStateException("Could not copy the database settings", e);
                    }
                    pool.setDataSource(counting);
                }
                return bean;
            }
        };
    }

    /** The same server settings (copied, so later changes to timeouts still apply), connections counted. */
    static final class Counting extends PGSimpleDataSource {
        // getConnection() calls this one, so wrapping here alone wraps each connection once.
        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return StatementCounter.wrap(super.getConnection(user, password));
        }
    }
}
