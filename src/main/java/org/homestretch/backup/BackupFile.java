package org.homestretch.backup;

import java.time.Instant;

/**
 * One backup in the backup folder.
 *
 * @param name    the file's name, e.g. {@code homestretch-backup-2026-11-30T02-30-00Z-nightly.zip}
 * @param made    when it was made, from its name
 * @param bytes   its size
 * @param nightly true for the scheduled backup, false for one an admin started
 */
public record BackupFile(String name, Instant made, long bytes, boolean nightly) {
}
