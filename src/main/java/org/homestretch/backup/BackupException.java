package org.homestretch.backup;

/** A backup or restore that did not happen; the message is plain and holds no patient data. */
public class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
