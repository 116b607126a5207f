/**
 * Backups a clinic can make and restore with nothing but the jar: a nightly backup and one an
 * admin starts, each a single file holding every table (written by the app itself through
 * PostgreSQL's COPY), the sequences and the patients' access key; and the {@code restore}
 * command that loads such a file into an empty database. See docs/OPERATIONS.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backups", allowedDependencies = {"clinic", "security"})
package org.homestretch.backup;
