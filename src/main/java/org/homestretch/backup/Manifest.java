package org.homestretch.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup file holds, written first into it as plain {@code key=value} lines: the schema
 * version (the restore builds exactly that schema before loading), every table in load order with
 * its columns and row count (checked after loading), and the sequences' last values.
 */
record Manifest(Instant created, String schemaVersion, List<Table> tables, Map<String, Long> sequences,
                KeySource accessKey) {

    static final String ENTRY = "manifest.properties";
    static final String KEY_ENTRY = "access.key";
    static final int FORMAT = 1;

    /** Where the patients' access key was when the backup was made. */
    enum KeySource {
        /** The key file is in the backup. */
        INCLUDED,
        /** The key came from HOMESTRETCH_ACCESS_KEY: it is in the server's settings, not in the backup. */
        ENVIRONMENT,
        /** There was no key file yet. */
        MISSING
    }

    record Table(String name, List<String> columns, long rows) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("created", created.toString());
        p.setProperty("schemaVersion", schemaVersion);
        p.setProperty("accessKey", accessKey.name());
        p.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
        for (Table table : tables) {
            p.setProperty("table." + table.name() + ".columns", String.join(",", table.columns()));
            p.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
        }
        sequences.forEach((name, value) -> p.setProperty("sequence." + name, Long.toString(value)));
        p.store(out, "HomeStretch backup");
    }

    static Manifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
            throw new BackupException("This file is not a HomeStretch backup this version can read (format "
                    + p.getProperty("format") + ").");
        }
        List<Table> tables = new ArrayList<>();
        for (String name : p.getProperty("tables", "").split(",")) {
            if (!name.isEmpty()) {
                tables.add(new Table(name, Arrays.asList(p.getProperty("table." + name + ".columns").split(",")),
                        Long.parseLong(p.getProperty("table." + name + ".rows"))));
            }
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("sequence.")).sorted()
                .forEach(k -> sequences.put(k.substring("sequence.".length()), Long.parseLong(p.getProperty(k))));
        return new Manifest(Instant.parse(p.getProperty("created")), p.getProperty("schemaVersion"), tables,
                sequences, KeySource.valueOf(p.getProperty("accessKey")));
    }
}
