package org.homestretch.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The app's tables as PostgreSQL's catalog describes them, so that a table added by a later
 * migration is backed up without anyone remembering to list it here.
 */
final class Schema {

    /** Flyway's own table: the restore rebuilds it by running the migrations. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Schema() {
    }

    /**
     * Every table of the current schema, parents before children (foreign keys), so that a
     * restore can insert in this order with every constraint checked as it goes.
     */
    static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : strings(connection, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> ?
                order by c.relname""", FLYWAY_HISTORY)) {
            parents.put(table, new LinkedHashSet<>());
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = current_schema()""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String child = rows.getString(1);
                String parent = rows.getString(2);
                if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            int before = order.size();
            for (var table : parents.entrySet()) {
                if (!order.contains(table.getKey()) && order.containsAll(table.getValue())) {
                    order.add(table.getKey());
                }
            }
            if (order.size() == before) {
                throw new BackupException("The tables' foreign keys form a cycle; this backup cannot order them.");
            }
        }
        return order;
    }

    /**
     * The columns a COPY writes and reads, in table order; generated columns are left to the
     * database. From pg_attribute, not information_schema, which silently hides the columns of a
     * table the account may not read (that must fail the backup, not yield an empty table).
     */
    static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = strings(connection, """
                select attname from pg_attribute
                where attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  and attnum > 0 and not attisdropped and attgenerated = ''
                order by attnum""", table);
        if (columns.isEmpty()) {
            throw new BackupException("Table " + table + " has no columns to copy.");
        }
        return columns;
    }

    /** Sequences of the current schema that have been used, with their last value. */
    static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select sequencename, last_value from pg_sequences
                where schemaname = current_schema() and last_value is not null order by sequencename""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sequences.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sequences;
    }

    /** The newest migration applied, e.g. "14"; empty when Flyway has not run here. */
    static String schemaVersion(Connection connection) throws SQLException {
        if (strings(connection, "select to_regclass(?)::text", FLYWAY_HISTORY).stream().allMatch(t -> t == null)) {
            return "";
        }
        List<String> versions = strings(connection, """
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit ?""", 1);
        return versions.isEmpty() ? "" : versions.getFirst();
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Schema::quoted).toList());
    }

    private static List<String> strings(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
