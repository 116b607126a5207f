package org.homestretch.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDir   folder that holds the cluster between restarts
 * @param ephemeral when true (tests), a throw-away folder is used and deleted at shutdown
 */
@ConfigurationProperties("homestretch.database.embedded")
record EmbeddedDatabaseProperties(Path dataDir, boolean ephemeral) {

    EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
