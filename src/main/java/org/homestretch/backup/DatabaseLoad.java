package org.homestretch.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a backup into an empty database whose schema is at the backup's version. Rows are
 * inserted with COPY, parents first, in one transaction: either every table is loaded with the
 * row count the manifest names, or nothing is. Inserting (never updating) is also what the
 * append-only audit table allows.
 */
final class DatabaseLoad {

    private DatabaseLoad() {
    }

    static Manifest manifest(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return manifest(zip);
        } catch (IOException e) {
            throw new BackupException("This file cannot be read as a HomeStretch backup: " + backup
                    + " (" + e.getMessage() + "). Was it copied completely?", e);
        }
    }

    static byte[] accessKey(Path backup) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(Manifest.KEY_ENTRY);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    static Manifest load(DataSource dataSource, Path backup) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(backup.toFile());
             Connection connection = dataSource.getConnection()) {
            Manifest manifest = manifest(zip);
            // Loading and committing a large backup may take longer than the pool's read limit.
            connection.setNetworkTimeout(Runnable::run, 0);
            connection.setAutoCommit(false);
            try {
                checkTarget(connection, manifest);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Manifest.Table table : manifest.tables()) {
                    ZipEntry entry = zip.getEntry(table.entry());
                    if (entry == null) {
                        throw new BackupException("The backup has no data for table " + table.name() + ".");
                    }
                    long rows;
                    try (InputStream in = zip.getInputStream(entry)) {
                        rows = copy.copyIn("copy " + Schema.quoted(table.name()) + " ("
                                + Schema.columnList(table.columns()) + ") from stdin", in);
                    }
                    if (rows != table.rows()) {
                        throw new BackupException("Table " + table.name() + " has " + rows + " rows in the backup, but "
                                + table.rows() + " were written. The file is damaged.");
                    }
                }
                for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                    try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
                        statement.setString(1, Schema.quoted(sequence.getKey()));
                        statement.setLong(2, sequence.getValue());
                        statement.execute();
                    }
                }
                connection.commit();
                return manifest;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The schema must be the backup's, table for table and column for column, and hold no rows. */
    private static void checkTarget(Connection connection, Manifest manifest) throws SQLException {
        String version = Schema.schemaVersion(connection);
        if (!manifest.schemaVersion().equals(version)) {
            throw new BackupException("The database's schema is at version " + (version.isEmpty() ? "none" : version)
                    + ", the backup's at " + manifest.schemaVersion() + ". Restore into a new, empty database.");
        }
        var tables = Schema.tablesInLoadOrder(connection);
        for (Manifest.Table table : manifest.tables()) {
            if (!tables.contains(table.name()) || !Schema.columns(connection, table.name()).equals(table.columns())) {
                throw new BackupException("Table " + table.name() + " differs from the backup's. Restore into a new, "
                        + "empty database.");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select exists (select 1 from " + Schema.quoted(table.name()) + ")");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getBoolean(1)) {
                    throw new BackupException("The database already holds data (table " + table.name()
                            + "). A restore only goes into a new, empty database, so that nothing is overwritten.");
                }
            }
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new BackupException("This file is not a complete HomeStretch backup (it has no manifest).");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Manifest.read(in);
        }
    }
}
