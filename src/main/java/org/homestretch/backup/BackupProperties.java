package org.homestretch.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where backups go and how many are kept.
 *
 * @param folder backup folder; by default next to the embedded database's folder
 * @param keep   how many nightly backups are kept (and, counted apart, how many made with "Back up now")
 */
@ConfigurationProperties("homestretch.backup")
record BackupProperties(Path folder, Integer keep) {

    BackupProperties {
        if (folder == null) {
            folder = Path.of("data", "backups");
        }
        if (keep == null || keep < 1) {
            keep = 14;
        }
    }
}
