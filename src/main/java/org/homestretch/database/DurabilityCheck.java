package org.homestretch.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database that acknowledges commits it may lose (fsync or
 * synchronous_commit off), embedded or external: a patient's check-in must survive a crash.
 */
@Component
class DurabilityCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    private final JdbcClient jdbc;
    private final boolean allowUnsafe;

    DurabilityCheck(JdbcClient jdbc,
                    @Value("${homestretch.database.allow-unsafe-durability:false}") boolean allowUnsafe) {
        this.jdbc = jdbc;
        this.allowUnsafe = allowUnsafe;
    }

    @Override
    public void afterPropertiesSet() {
        String fsync = setting("fsync");
        String synchronousCommit = setting("synchronous_commit");
        if ("on".equals(fsync) && !"off".equals(synchronousCommit)) {
            log.info("Database durability confirmed: fsync={}, synchronous_commit={}", fsync, synchronousCommit);
            return;
        }
        String problem = "The database runs with fsync=" + fsync + " and synchronous_commit=" + synchronousCommit
                + ", so a crash could lose data it has already confirmed as saved.";
        if (allowUnsafe) {
            log.warn("{} Starting anyway because homestretch.database.allow-unsafe-durability is true.", problem);
            return;
        }
        throw new DatabaseStartupException(problem,
                "Set fsync = on and synchronous_commit = on in the server's postgresql.conf and reload it.");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }
}
