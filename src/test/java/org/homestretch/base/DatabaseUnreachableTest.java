package org.homestretch.base;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableTest {

    @Test
    void a_database_that_cannot_be_reached_is_recognised_along_the_cause_chain() {
        // What the pool, Spring and the driver throw when PostgreSQL is stopped or restarting.
        assertThat(DatabaseUnreachable.causedBy(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new CannotGetJdbcConnectionException("x", new SQLException("x")))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new IllegalStateException("wrapped",
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException())))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        // A commit cut off mid-way: the pool has closed the broken connection before the rollback.
        assertThat(DatabaseUnreachable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void other_failures_keep_their_usual_handling() {
        assertThat(DatabaseUnreachable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new TransactionSystemException("commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(null)).isFalse();
    }
}
