package org.homestretch.audit;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** SQL for the audit table. Only inserts and reads: the table refuses anything else. */
@Repository
class AuditRepository {

    record ChainEnd(long sequence, byte[] hash) {
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(
            rs.getObject("clinic_id", UUID.class), rs.getLong("sequence_no"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
            ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("action"),
            rs.getObject("patient_id", UUID.class), rs.getString("detail"), rs.getString("client_address"),
            rs.getBytes("previous_hash"), rs.getBytes("hash"));

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the clinic's chain lock until the transaction ends, so that concurrent writers (on
     * any server) append one after the other and get consecutive sequence numbers.
     */
    void lockChain(UUID clinicId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('homestretch.audit:' || :clinic::text))")
                .param("clinic", clinicId).query().singleRow();
    }

    void limitLockWait() {
        jdbc.sql("set local lock_timeout = '5s'").update();
    }

    Optional<ChainEnd> chainEnd(UUID clinicId) {
        return jdbc.sql("""
                        select sequence_no, hash from audit_entry where clinic_id = :clinic
                        order by sequence_no desc limit 1""")
                .param("clinic", clinicId)
                .query((rs, i) -> new ChainEnd(rs.getLong("sequence_no"), rs.getBytes("hash"))).optional();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                        insert into audit_entry (clinic_id, sequence_no, occurred_at, actor_id, actor_kind, action,
                            patient_id, detail, client_address, previous_hash, hash)
                        values (:clinic, :seq, :at, :actor, :kind, :action, :patient, :detail, :address, :prev, :hash)""")
                .param("clinic", e.clinicId())
                .param("seq", e.sequence())
                .param("at", Timestamp.from(e.occurredAt()))
                .param("actor", e.actorId())
                .param("kind", e.actorKind().name())
                .param("action", e.action())
                .param("patient", e.patientId())
                .param("detail", e.detail())
                .param("address", e.clientAddress())
                .param("prev", e.previousHash())
                .param("hash", e.hash())
                .update();
    }

    List<UUID> clinicsWithEntries() {
        return jdbc.sql("select distinct clinic_id from audit_entry order by clinic_id").query(UUID.class).list();
    }

    /** Streams one clinic's entries in sequence order without holding them all in memory. */
    void forEachInOrder(UUID clinicId, Consumer<AuditEntry> action) {
        jdbc.sql("select * from audit_entry where clinic_id = :clinic order by sequence_no")
                .param("clinic", clinicId)
                .query(rs -> {
                    action.accept(ENTRY.mapRow(rs, 0));
                });
    }
}
