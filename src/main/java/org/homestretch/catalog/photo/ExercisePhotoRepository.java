package org.homestretch.catalog.photo;

import org.homestretch.catalog.ExerciseId;
import org.homestretch.security.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * SQL for exercise photos. Every statement joins the exercise and names the clinic, so a
 * built-in exercise (no clinic) or another clinic's exercise can neither get nor show a photo.
 */
@Repository
class ExercisePhotoRepository {

    private final JdbcClient jdbc;

    ExercisePhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or replaces the photo; false if the exercise is not one of the clinic's own. */
    boolean save(ClinicId clinicId, ExerciseId id, String mediaType, byte[] content, Instant now) {
        return jdbc.sql("""
                        insert into exercise_photo (exercise_id, media_type, content, uploaded_at)
                        select e.id, :mediaType, :content, :now from exercise e
                        where e.id = :id and e.clinic_id = :clinic
                        on conflict (exercise_id) do update set media_type = excluded.media_type,
                            content = excluded.content, uploaded_at = excluded.uploaded_at""")
                .param("mediaType", mediaType)
                .param("content", content)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .update() == 1;
    }

    boolean delete(ClinicId clinicId, ExerciseId id) {
        return jdbc.sql("""
                        delete from exercise_photo p using exercise e
                        where p.exercise_id = e.id and e.id = :id and e.clinic_id = :clinic""")
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .update() == 1;
    }

    Optional<ExercisePhotos.Photo> find(ClinicId clinicId, ExerciseId id) {
        return jdbc.sql("""
                        select p.media_type, p.content, p.uploaded_at from exercise_photo p
                        join exercise e on e.id = p.exercise_id
                        where e.id = :id and e.clinic_id = :clinic""")
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .query((rs, row) -> new ExercisePhotos.Photo(rs.getString("media_type"), rs.getBytes("content"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .optional();
    }
}
