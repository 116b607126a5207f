package org.homestretch.clinic;

import org.homestretch.security.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The {@code clinic_logo} table: one JPEG per clinic, always looked up by the caller's clinic id. */
@Repository
class ClinicLogoRepository {

    private final JdbcClient jdbc;

    ClinicLogoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(ClinicId clinic, byte[] jpeg, Instant now) {
        jdbc.sql("""
                        insert into clinic_logo (clinic_id, media_type, content, uploaded_at)
                        values (:clinic, 'image/jpeg', :content, :now)
                        on conflict (clinic_id) do update set content = excluded.content,
                            media_type = excluded.media_type, uploaded_at = excluded.uploaded_at""")
                .param("clinic", clinic.value())
                .param("content", jpeg)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** @return whether there was a logo to remove */
    boolean delete(ClinicId clinic) {
        return jdbc.sql("delete from clinic_logo where clinic_id = :clinic").param("clinic", clinic.value()).update() > 0;
    }

    Optional<byte[]> find(ClinicId clinic) {
        return jdbc.sql("select content from clinic_logo where clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(byte[].class).optional();
    }
}
