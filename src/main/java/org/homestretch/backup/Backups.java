package org.homestretch.backup;

import org.homestretch.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Makes backups: every night on a schedule, and when an admin presses "Back up now". One at a
 * time, because two runs would only compete for the disk. A failed run leaves no file and is
 * logged with its kind of error only: database error messages can quote stored values.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final BackupFolder folder;
    private final int keep;
    private final Path keyFile;
    private final boolean keyFromEnvironment;

    @Autowired
    Backups(DataSource dataSource, Clock clock, CurrentUser currentUser, BackupProperties properties,
            @Value("${homestretch.checkin.key-file}") Path keyFile,
            @Value("${homestretch.checkin.key:}") String keyFromEnvironment) {
        this(dataSource, clock, currentUser, new BackupFolder(properties.folder()), properties.keep(), keyFile,
                !keyFromEnvironment.isBlank());
    }

    Backups(DataSource dataSource, Clock clock, CurrentUser currentUser, BackupFolder folder, int keep, Path keyFile,
            boolean keyFromEnvironment) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.currentUser = currentUser;
        this.folder = folder;
        this.keep = keep;
        this.keyFile = keyFile;
        this.keyFromEnvironment = keyFromEnvironment;
    }

    /** "Back up now", for admins. */
    public BackupFile backUpNow() {
        requireAdmin();
        return run(false);
    }

    /** The backups in the folder, newest first, for admins. */
    public List<BackupFile> list() {
        requireAdmin();
        try {
            return folder.list();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where backups are written, for admins. */
    public String folder() {
        requireAdmin();
        return folder.path().toString();
    }

    public int keep() {
        return keep;
    }

    /** The nightly backup; "-" as the schedule turns it off. A failure is logged and tried again next night. */
    @Scheduled(cron = "${homestretch.backup.cron:0 30 2 * * *}")
    void nightly() {
        try {
            run(true);
        } catch (BackupException e) {
            // Already logged by run().
        }
    }

    synchronized BackupFile run(boolean nightly) {
        Instant made = clock.instant();
        long started = System.nanoTime();
        try {
            Manifest[] written = new Manifest[1];
            byte[] key = keyFromEnvironment || !Files.isRegularFile(keyFile) ? null : Files.readAllBytes(keyFile);
            Manifest.KeySource keySource = keyFromEnvironment ? Manifest.KeySource.ENVIRONMENT
                    : key == null ? Manifest.KeySource.MISSING : Manifest.KeySource.INCLUDED;
            Path file = folder.write(made, nightly,
                    out -> written[0] = DatabaseDump.write(dataSource, made, key, keySource, out));
            int removed = folder.removeOld(nightly, keep);
            long bytes = Files.size(file);
            log.info("Backup written: {} ({} tables, {} rows, {} bytes, {} ms); {} older {} backup(s) removed",
                    file, written[0].tables().size(), written[0].totalRows(), bytes,
                    (System.nanoTime() - started) / 1_000_000, removed, nightly ? "nightly" : "manual");
            return new BackupFile(file.getFileName().toString(), made, bytes, nightly);
        } catch (Exception e) {
            String reason = reason(e);
            log.error("Backup failed, no file was written to {}: {}", folder.path(), reason);
            throw new BackupException("The backup failed (" + reason + "). No file was written; the server log says "
                    + "the same. Check that the backup folder has free space and is writable.", e);
        }
    }

    /** The kind of error without its text where the text could hold stored data. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "database error " + sql.getSQLState();
            }
            if (t instanceof BackupException) {
                return t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io.getClass().getSimpleName() + ": " + io.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private void requireAdmin() {
        if (!currentUser.require().isAdmin()) {
            throw new AccessDeniedException("Only an admin may make or list backups.");
        }
    }
}
