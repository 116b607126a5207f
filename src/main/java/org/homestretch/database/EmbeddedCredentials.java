package org.homestretch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded server's own password. The binaries' {@code initdb} lets any local process in as
 * {@code postgres} without one, which would let every program on the clinic's server read every
 * patient. So a random password is made on first start, kept owner-only in the data folder, set
 * on the role, and every rule in {@code pg_hba.conf} is switched from {@code trust} to
 * {@code scram-sha-256}. A folder made before this is upgraded the same way on its next start.
 */
final class EmbeddedCredentials {

    static final String PASSWORD_FILE = "homestretch-database.password";

    // A line of pg_hba.conf whose method is trust: "local all all trust", "host all all ::1/128 trust".
    private static final Pattern TRUST = Pattern.compile("^(\\s*(?:local|host)\\S*\\s.*\\s)trust(\\s*)$");

    private EmbeddedCredentials() {
    }

    /** The folder's password, made now (owner-only) if the folder has none yet. */
    static String passwordFor(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Written only after start: initdb refuses a folder that is not empty. */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolve(PASSWORD_FILE);
    }

    /**
     * After start: stores the password (before the server needs it, so a crash in between never
     * locks us out), sets it on the role and closes every trust rule.
     */
    static void lockDown(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException, SQLException {
        writeOwnerOnly(passwordFile(dataDir), password);
        Path hba = dataDir.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        List<String> locked = lines.stream().map(line -> TRUST.matcher(line).replaceAll("$1scram-sha-256$2")).toList();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // The password is base64url: no quote can end the literal.
            statement.execute("alter role postgres password '" + password + "'");
            if (!locked.equals(lines)) {
                Files.write(hba, locked, StandardCharsets.UTF_8);
                statement.execute("select pg_reload_conf()");
            }
        }
    }

    private static void writeOwnerOnly(Path file, String password) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        }
        Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
