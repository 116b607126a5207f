package org.homestretch.base;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (stopped, restarting, network down) from every other
 * failure, by exception type along the cause chain, so that users get "try again in a moment"
 * instead of a stack trace's wording, and nothing they entered is thrown away.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SocketException // refused, reset
                    || t instanceof SocketTimeoutException
                    || t instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
            if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
                    && causedBy(failed.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // The pool's answer on a connection it closed after a fatal error, e.g. a commit cut off mid-way.
            return "Connection is closed".equals(sql.getMessage());
        }
        // 08: connection exception; 57P01-57P03: the server is shutting down or not yet started.
        return state.startsWith("08") || state.startsWith("57P0");
    }
}
