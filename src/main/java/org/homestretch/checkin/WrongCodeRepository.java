package org.homestretch.checkin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The wrong-code counters ({@code wrong_code_failure}): one row per counted failure under a
 * key that is a client or a code prefix. Holds no patient data; no clinic scoping applies.
 */
@Repository
class WrongCodeRepository {

    private final JdbcClient jdbc;

    WrongCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises checks and counts on one key until the transaction ends (across servers too). */
    void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('homestretch.wrong-code:' || :key))")
                .param("key", key).query().singleRow();
    }

    /** The {@code n}-th newest failure on the key after {@code since}, up to {@code now}. */
    Optional<Instant> nthNewest(String key, int n, Instant since, Instant now) {
        return jdbc.sql("""
                        select failed_at from wrong_code_failure
                        where counter_key = :key and failed_at > :since and failed_at <= :now
                        order by failed_at desc offset :skip limit 1""")
                .param("key", key)
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .param("skip", n - 1)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    void add(String key, Instant at) {
        jdbc.sql("insert into wrong_code_failure (counter_key, failed_at) values (:key, :at)")
                .param("key", key).param("at", Timestamp.from(at)).update();
    }

    void deleteUpTo(Instant cutoff) {
        jdbc.sql("delete from wrong_code_failure where failed_at <= :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
