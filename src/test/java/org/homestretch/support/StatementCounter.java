package org.homestretch.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts the SQL statements and transactions that the current thread sends to the database while a
 * {@link Recording} is open: what a service call really costs in round trips, whatever the code
 * in between looks like. Every connection of the test contexts passes through it
 * ({@link StatementCountingConfiguration}); a thread that records nothing pays one
 * thread-local read per statement.
 *
 * <p>A statement is one {@code execute…} call, so a JDBC batch counts once (one round trip),
 * and a transaction is one {@code commit} or {@code rollback}.
 */
public final class StatementCounter {

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private StatementCounter() {
    }

    /** What one thread sent between {@link #start()} and {@link Recording#close()}. */
    public static final class Recording implements AutoCloseable {
        private final List<String> statements = new ArrayList<>();
        private int transactions;

        /** The statements' SQL, in the order they ran. */
        public List<String> statements() {
            return List.copyOf(statements);
        }

        public int statementCount() {
            return statements.size();
        }

        /** Commits and rollbacks. */
        public int transactions() {
            return transactions;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }

    /** Starts counting this thread's statements (a new, empty recording). */
    public static Recording start() {
        Recording recording = new Recording();
        CURRENT.set(recording);
        return recording;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ConnectionHandler(connection));
    }

    private static void statement(String sql) {
        Recording recording = CURRENT.get();
        if (recording != null) {
            recording.statements.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ((name.equals("commit") || name.equals("rollback")) && (args == null || args.length == 0)) {
                Recording recording = CURRENT.get();
                if (recording != null) {
                    recording.transactions++;
                }
            }
            if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            Object result = call(target, method, args);
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            if (result instanceof CallableStatement s) {
                return statementProxy(s, CallableStatement.class, sql);
            }
            if (result instanceof PreparedStatement s) {
                return statementProxy(s, PreparedStatement.class, sql);
            }
            if (result instanceof Statement s) {
                return statementProxy(s, Statement.class, null);
            }
            return result;
        }
    }

    private static Object statementProxy(Statement target, Class<? extends Statement> type, String preparedSql) {
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    if (EXECUTES.contains(method.getName())) {
                        statement(args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql);
                    }
                    return call(target, method, args);
                });
    }
}
