package org.homestretch.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder of backup files: one file per run, named by its UTC time, written under a hidden
 * temporary name and renamed only when complete, so that a file with a backup's name is always a
 * whole backup. Old ones are removed by count, nightly and admin-started ones counted apart, so
 * that pressing "Back up now" often never removes the nightly history.
 */
final class BackupFolder {

    static final String PREFIX = "homestretch-backup-";
    private static final String PART = ".part";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ)(?:-(\\d+))?-(nightly|manual)\\.zip");

    interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private final Path folder;

    BackupFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    /** Writes one backup and returns its final path; on any failure no file of it is left. */
    Path write(Instant made, boolean nightly, Content content) throws Exception {
        createFolder();
        removeLeftoverParts();
        Path target = freeName(made, nightly);
        Path temp = folder.resolve("." + target.getFileName() + PART);
        try {
            createOwnerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder();
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Newest first. */
    List<BackupFile> list() throws IOException {
        List<BackupFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, PREFIX + "*.zip")) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isRegularFile(entry)) {
                    files.add(new BackupFile(entry.getFileName().toString(), STAMP.parse(m.group(1), Instant::from),
                            Files.size(entry), "nightly".equals(m.group(3))));
                }
            }
        }
        files.sort(Comparator.comparing(BackupFile::made).thenComparing(BackupFile::name).reversed());
        return files;
    }

    /** Keeps the newest {@code keep} backups of the given kind; returns how many were removed. */
    int removeOld(boolean nightly, int keep) throws IOException {
        List<BackupFile> ofKind = list().stream().filter(f -> f.nightly() == nightly).toList();
        int removed = 0;
        for (BackupFile old : ofKind.subList(Math.min(keep, ofKind.size()), ofKind.size())) {
            Files.deleteIfExists(folder.resolve(old.name()));
            removed++;
        }
        return removed;
    }

    private Path freeName(Instant made, boolean nightly) {
        String stamp = STAMP.format(made);
        String kind = nightly ? "nightly" : "manual";
        Path name = folder.resolve(PREFIX + stamp + "-" + kind + ".zip");
        for (int n = 2; Files.exists(name); n++) {
            name = folder.resolve(PREFIX + stamp + "-" + n + "-" + kind + ".zip");
        }
        return name;
    }

    /** A run killed mid-write (power cut, kill -9) leaves its temporary file; the next run removes it. */
    private void removeLeftoverParts() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "." + PREFIX + "*" + PART)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Backups hold every patient's data: only the server's own account may read them. */
    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /** Makes the rename itself survive a power cut (Linux); other systems may not open a folder this way. */
    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Best effort: the file's content is already on disk.
        }
    }
}
