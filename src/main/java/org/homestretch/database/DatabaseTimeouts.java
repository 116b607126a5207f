package org.homestretch.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Time limits on every database connection, embedded or external, so that a request meets a
 * dead database within seconds instead of hanging (Hikari's default wait is 30 s). After the
 * database returns, the pool makes new connections on the next request: no restart needed.
 * See docs/OPERATIONS.md, "Database outages".
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    /** How long a request waits for a connection from the pool before it is told "try again". */
    static final String CONNECTION_TIMEOUT = "homestretch.database.connection-timeout";
    /** How long opening one TCP connection to PostgreSQL may take (below the pool's wait). */
    static final String CONNECT_TIMEOUT = "homestretch.database.connect-timeout";
    /** How long one reply from PostgreSQL may take: ends a query on a server that vanished without closing the connection. */
    static final String SOCKET_TIMEOUT = "homestretch.database.socket-timeout";

    private final Duration connectionTimeout;
    private final Duration connectTimeout;
    private final Duration socketTimeout;

    DatabaseTimeouts(Environment environment) {
        this.connectionTimeout = duration(environment, CONNECTION_TIMEOUT, "3s");
        this.connectTimeout = duration(environment, CONNECT_TIMEOUT, "2s");
        this.socketTimeout = duration(environment, SOCKET_TIMEOUT, "10s");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    void apply(HikariDataSource pool) {
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        // Checking a pooled connection is alive must fit inside the wait, with room to open a new one.
        pool.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 3));
        String connect = Long.toString(Math.max(1, connectTimeout.toSeconds()));
        String socket = Long.toString(Math.max(1, socketTimeout.toSeconds()));
        if (pool.getDataSource() != null) {
            // The embedded server's own data source: PostgreSQL's driver takes the same settings as bean properties.
            BeanWrapperImpl driver = new BeanWrapperImpl(pool.getDataSource());
            set(driver, "connectTimeout", connect);
            set(driver, "loginTimeout", connect);
            set(driver, "socketTimeout", socket);
        } else {
            pool.addDataSourceProperty("connectTimeout", connect);
            pool.addDataSourceProperty("loginTimeout", connect);
            pool.addDataSourceProperty("socketTimeout", socket);
        }
    }

    private static void set(BeanWrapperImpl target, String property, String seconds) {
        if (target.isWritableProperty(property)) {
            target.setPropertyValue(property, Integer.valueOf(seconds));
        }
    }

    private static Duration duration(Environment environment, String name, String otherwise) {
        return DurationStyle.detectAndParse(environment.getProperty(name, otherwise));
    }
}
