package org.homestretch.checkin;

import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for reminder calendar feeds. A feed counts only while it and its phone access are live. */
@Repository
class CalendarRepository {

    record Feed(UUID id, UUID accessId, byte[] nonce, List<LocalTime> times, Instant createdAt, Instant lastUsedAt) {
    }

    /** A feed found by its token, with what it takes to write the calendar. */
    record Served(Feed feed, ClinicId clinicId, ProgramId programId, PatientId patientId, ZoneId zone) {
    }

    private static final String FEED_COLUMNS = """
            f.id, f.access_id, f.nonce, array_to_string(f.reminder_times, ',') as times, f.created_at, f.last_used_at""";

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Feed> live(UUID accessId) {
        return jdbc.sql("select " + FEED_COLUMNS + """
                         from calendar_feed f join program_access a on a.id = f.access_id and a.revoked_at is null
                        where f.access_id = :access and f.revoked_at is null""")
                .param("access", accessId)
                .query((rs, i) -> feed(rs)).optional();
    }

    Optional<Feed> liveForProgram(ClinicId clinicId, ProgramId programId) {
        return jdbc.sql("select " + FEED_COLUMNS + """
                         from calendar_feed f join program_access a on a.id = f.access_id and a.revoked_at is null
                        where a.clinic_id = :clinic and a.program_id = :program and f.revoked_at is null""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .query((rs, i) -> feed(rs)).optional();
    }

    /** False when another request made the feed first; the caller reads it. */
    boolean insert(ClinicId clinicId, UUID accessId, byte[] nonce, byte[] tokenHash, List<LocalTime> times, Instant now) {
        return jdbc.sql("""
                        insert into calendar_feed (clinic_id, access_id, nonce, token_hash, reminder_times, created_at)
                        values (:clinic, :access, :nonce, :token, cast(:times as time[]), :now)
                        on conflict do nothing""")
                .param("clinic", clinicId.value())
                .param("access", accessId)
                .param("nonce", nonce)
                .param("token", tokenHash)
                .param("times", array(times))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    void setTimes(UUID feedId, List<LocalTime> times) {
        jdbc.sql("update calendar_feed set reminder_times = cast(:times as time[]) where id = :id")
                .param("id", feedId)
                .param("times", array(times))
                .update();
    }

    int revoke(ClinicId clinicId, ProgramId programId, UserId by, Instant now) {
        return jdbc.sql("""
                        update calendar_feed set revoked_at = :now, revoked_by = :by
                        where revoked_at is null and clinic_id = :clinic and access_id in (select id from program_access
                            where clinic_id = :clinic and program_id = :program and revoked_at is null)""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    /** Only while the feed, its access and the patient are live: anything else is "not found". */
    Optional<Served> byToken(byte[] tokenHash) {
        return jdbc.sql("select " + FEED_COLUMNS + """
                        , a.clinic_id, a.program_id, p.id as patient_id, c.time_zone
                        from calendar_feed f
                        join program_access a on a.id = f.access_id and a.revoked_at is null
                        join program g on g.id = a.program_id and g.clinic_id = a.clinic_id
                        join patient p on p.id = g.patient_id and p.clinic_id = a.clinic_id and not p.archived
                        join clinic c on c.id = a.clinic_id
                        where f.token_hash = :hash and f.revoked_at is null""")
                .param("hash", tokenHash)
                .query((rs, i) -> new Served(feed(rs), new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        new ProgramId(rs.getObject("program_id", UUID.class)),
                        new PatientId(rs.getObject("patient_id", UUID.class)), ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    /** Calendar apps ask every few hours: one write an hour is enough to show "last checked". */
    void touch(UUID feedId, Instant now) {
        jdbc.sql("""
                        update calendar_feed set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at < :hourAgo)""")
                .param("id", feedId)
                .param("now", Timestamp.from(now))
                .param("hourAgo", Timestamp.from(now.minusSeconds(3600)))
                .update();
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        List<LocalTime> times = Arrays.stream(rs.getString("times").split(",")).map(LocalTime::parse).toList();
        return new Feed(rs.getObject("id", UUID.class), rs.getObject("access_id", UUID.class), rs.getBytes("nonce"),
                times, rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null));
    }

    private static String array(List<LocalTime> times) {
        return times.stream().map(LocalTime::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
