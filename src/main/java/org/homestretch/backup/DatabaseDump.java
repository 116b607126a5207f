package org.homestretch.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the whole database as one zip: each table as PostgreSQL's own COPY text, then the
 * access key, then the manifest. Everything is read in one repeatable-read transaction, so the
 * file is one consistent moment even while patients keep checking in.
 */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** Writes the backup to {@code out} (left open, so the caller can sync it to disk). */
    static Manifest write(DataSource dataSource, Instant created, byte[] accessKeyOrNull, Manifest.KeySource keySource,
                          OutputStream out) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            // A large table may take longer than the pool's read limit; the pool restores it on return.
            connection.setNetworkTimeout(Runnable::run, 0);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out));
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                String schemaVersion = Schema.schemaVersion(connection);
                if (schemaVersion.isEmpty()) {
                    throw new BackupException("The database has no HomeStretch schema to back up.");
                }
                List<Manifest.Table> tables = new ArrayList<>();
                for (String table : Schema.tablesInLoadOrder(connection)) {
                    List<String> columns = Schema.columns(connection, table);
                    Manifest.Table entry = new Manifest.Table(table, columns, 0);
                    zip.putNextEntry(new ZipEntry(entry.entry()));
                    long rows = copy.copyOut("copy " + Schema.quoted(table) + " (" + Schema.columnList(columns)
                            + ") to stdout", new KeepOpen(zip));
                    zip.closeEntry();
                    tables.add(new Manifest.Table(table, columns, rows));
                }
                if (accessKeyOrNull != null) {
                    zip.putNextEntry(new ZipEntry(Manifest.KEY_ENTRY));
                    zip.write(accessKeyOrNull);
                    zip.closeEntry();
                }
                Manifest manifest = new Manifest(created, schemaVersion, List.copyOf(tables),
                        Schema.sequences(connection), keySource);
                // Last: a file cut short has no manifest (and no zip directory), so it is never mistaken for a backup.
                zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
                manifest.write(new KeepOpen(zip));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                return manifest;
            } finally {
                connection.rollback();
            }
        }
    }

    /** Lets a writer that closes its stream (COPY, Properties) write into a stream that must stay open. */
    static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
