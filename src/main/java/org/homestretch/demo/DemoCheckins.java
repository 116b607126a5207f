package org.homestretch.demo;

import org.homestretch.clinic.ClinicService;
import org.homestretch.catalog.Dosage;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientQuery;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.Template;
import org.homestretch.security.AccountService;
import org.homestretch.clinic.Clinic;
import org.homestretch.security.UserId;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntToDoubleFunction;

/**
 * Ninety days of invented check-ins, relative to today in the clinic's time zone, so that the
 * adherence dashboard and the worklist show every kind of patient: steady, patchy, lapsed, one whose
 * pain is high and rising with an urgent warning sign, one with an emergency sign, a paper log, a
 * flag already reviewed. Program versions
 * are moved back in time so that every check-in answers a version published before it. Added
 * once: nothing happens if the clinic already has check-ins.
 */
@Component
@Profile("demo")
class DemoCheckins {

    /** Reasons patients give for a skipped session, most common first, with how often each comes up. */
    private static final String[] SKIPS = {"FORGOT", "FORGOT", "FORGOT", "FORGOT", "NO_TIME", "NO_TIME", "NO_TIME",
            "PAIN", "NOT_SURE_HOW", "OTHER"};

    private final PatientService patients;
    private final ProgramService programs;
    private final AccountService accounts;
    private final ClinicService clinics;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCheckins(PatientService patients, ProgramService programs, AccountService accounts, ClinicService clinics, JdbcClient jdbc,
                 Clock clock) {
        this.patients = patients;
        this.programs = programs;
        this.accounts = accounts;
        this.clinics = clinics;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How one invented patient keeps to their program; {@code day} counts back from today (0). */
    private record Plan(String first, String last, int began, int[] versionDaysAgo, IntToDoubleFunction doing,
                        IntToDoubleFunction pain, Map<Integer, String> comments, Map<Integer, String> symptoms,
                        int paperFrom, int paperTo, boolean weekdaysOnly, long seed) {
    }

    @Transactional
    void seed() {
        Clinic clinic = clinics.current();
        Integer existing = jdbc.sql("select count(*) from checkin where clinic_id = :clinic")
                .param("clinic", clinic.id().value()).query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        ZoneId zone = clinic.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UserId me = accounts.currentUserId();
        ensureMorePatients(me);

        List<Plan> plans = List.of(
                // Steady: most sessions done, pain easing as the program is eased.
                new Plan("Maria", "Gonzalez", 90, new int[]{90, 60, 30}, day -> 0.88,
                        day -> 5.2 - 3.0 * (90 - day) / 90.0,
                        Map.of(85, "Stiff first thing, but it loosens up after the stretches.",
                                40, "Getting out of bed is much easier now.",
                                6, "Did them at my daughter's, on the sofa bed. No problem."),
                        Map.of(), -1, -1, false, 11),
                // Patchy and slipping, pain rising over the last fortnight, a warning symptom two days ago.
                new Plan("Peter", "Nowak", 75, new int[]{75}, day -> day > 25 ? 0.85 : day > 7 ? 0.55 : 0.25,
                        day -> day > 14 ? 3.0 : day > 7 ? 3.6 : day == 4 ? 7 : 6.0,
                        Map.of(60, "Easier when I do them straight after work.",
                                9, "Long days at the desk this week, back hurts by evening.",
                                4, "Bad night, could not get comfortable.",
                                2, "Pain goes down my left leg after sitting all day."),
                        Map.of(2, "PAIN_DOWN_LEG"), -1, -1, false, 22),
                // Good at first, then lapsed: nothing for nine days.
                new Plan("Aisha", "Khan", 70, new int[]{70, 35}, day -> day > 20 ? 0.9 : day > 9 ? 0.4 : 0,
                        day -> 2.5, Map.of(12, "Away from next week, I will try to keep going."), Map.of(),
                        -1, -1, false, 33),
                // Steady, then a flare-up after lifting (pain 8), already reviewed by the therapist; yesterday
                // an emergency sign: legs weaker and getting weaker.
                new Plan("Grace", "Okafor", 40, new int[]{40}, day -> 0.85, day -> day == 3 ? 8 : day < 3 ? 6 : 3.5,
                        Map.of(3, "Lifted heavy boxes at work, back very sore today.",
                                1, "My legs feel weaker than yesterday.",
                                20, "The cat-camel one feels great."),
                        Map.of(1, "LEG_WEAKNESS_WORSE"), -1, -1, false, 44),
                // Five days a week, brought a paper log for two weeks when the phone was broken.
                new Plan("James", "O'Brien", 50, new int[]{50}, day -> 0.95, day -> 3.0 - 1.5 * (50 - day) / 50.0,
                        Map.of(16, "Phone was broken, wrote it all down on the sheet."), Map.of(),
                        28, 15, true, 55),
                // New, started well, then stopped four days ago.
                new Plan("Lena", "Weber", 12, new int[]{12}, day -> day > 4 ? 0.8 : 0, day -> 4.0,
                        Map.of(10, "Not sure I'm doing the hip one right."), Map.of(), -1, -1, false, 66));
        for (Plan plan : plans) {
            seed(plan, clinic, zone, today, me);
        }
        // The flare-up above was looked at the afternoon before last (before the emergency sign).
        jdbc.sql("""
                        insert into adherence_review (clinic_id, patient_id, reason, reviewed_by, reviewed_at)
                        select :clinic, id, 'PAIN', :me, :at from patient
                        where clinic_id = :clinic and first_name = 'Grace' and last_name = 'Okafor'""")
                .param("clinic", clinic.id().value())
                .param("me", me.value())
                .param("at", Timestamp.from(today.minusDays(2).atTime(15, 10).atZone(zone).toInstant()))
                .update();
    }

    /** Patients added after the first demo patients, each with a program from a built-in template. */
    private void ensureMorePatients(UserId me) {
        if (find("Grace", "Okafor") == null) {
            Patient grace = patients.create(new PatientDetails("Grace", "Okafor", LocalDate.of(1985, 6, 12),
                    "grace.okafor@example.org", "", "en", me, "Warehouse work, lifts boxes."));
            programs.publish(grace.id(), 0, template("Seven stretches for lower back pain"));
        }
        if (find("James", "O'Brien") == null) {
            Patient james = patients.create(new PatientDetails("James", "O'Brien", LocalDate.of(1959, 2, 23), "",
                    "+44 20 7946 0321", "en", me, "Prefers paper. Rests at weekends."));
            List<ProgramItem> weekdays = template("Morning routine").stream().map(item -> {
                Dosage d = item.dosage();
                return item.withDosage(new Dosage(d.sets(), d.repetitions(), d.holdSeconds(), d.sides(), 1, 5));
            }).toList();
            programs.publish(james.id(), 0, weekdays);
        }
        if (find("Lena", "Weber") == null) {
            Patient lena = patients.create(new PatientDetails("Lena", "Weber", LocalDate.of(1992, 10, 8),
                    "lena.weber@example.org", "", "en", me, ""));
            programs.publish(lena.id(), 0, template("Morning stretches in bed"));
        }
    }

    private Patient find(String first, String last) {
        return patients.search(new PatientQuery(first + " " + last, false, false), 0, 20).stream()
                .filter(p -> p.details().firstName().equals(first) && p.details().lastName().equals(last))
                .findFirst().orElse(null);
    }

    private List<ProgramItem> template(String name) {
        return programs.templates().stream().filter(t -> t.name().equals(name)).findFirst()
                .map(Template::items).orElseThrow();
    }

    private record Version(UUID id, Instant publishedAt, int perDay, List<Map<String, Object>> items) {
    }

    private void seed(Plan plan, Clinic clinic, ZoneId zone, LocalDate today, UserId me) {
        Patient patient = find(plan.first(), plan.last());
        if (patient == null) {
            return;
        }
        UUID programId = jdbc.sql("select id from program where clinic_id = :clinic and patient_id = :patient")
                .param("clinic", clinic.id().value()).param("patient", patient.id().value())
                .query(UUID.class).optional().orElse(null);
        if (programId == null) {
            return;
        }
        List<UUID> versionIds = jdbc.sql("select id from program_version where program_id = :program order by number")
                .param("program", programId).query(UUID.class).list();
        // Versions published at the clinic mid-morning, on the planned days; any extra ones on the last planned day.
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < versionIds.size(); i++) {
            int daysAgo = plan.versionDaysAgo()[Math.min(i, plan.versionDaysAgo().length - 1)];
            Instant at = today.minusDays(daysAgo).atTime(10, 15).plusMinutes(i).atZone(zone).toInstant();
            jdbc.sql("update program_version set published_at = :at where id = :id")
                    .param("at", Timestamp.from(at)).param("id", versionIds.get(i)).update();
            versions.add(new Version(versionIds.get(i), at, 0, List.of()));
        }
        Instant began = versions.getFirst().publishedAt();
        jdbc.sql("update program set created_at = :at where id = :program")
                .param("at", Timestamp.from(began)).param("program", programId).update();
        jdbc.sql("update patient set created_at = :at where id = :patient and created_at > :at")
                .param("at", Timestamp.from(began.minusSeconds(3600))).param("patient", patient.id().value()).update();
        versions = versions.stream().map(v -> {
            List<Map<String, Object>> items = jdbc.sql("""
                            select i.position, i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds, i.sides,
                                   i.times_per_day, i.days_per_week
                            from program_item i join exercise e on e.id = i.exercise_id
                            where i.program_version_id = :version order by i.position""")
                    .param("version", v.id()).query().listOfRows();
            int perDay = items.stream().mapToInt(row -> ((Number) row.get("times_per_day")).intValue()).max().orElse(1);
            return new Version(v.id(), v.publishedAt(), perDay, items);
        }).toList();

        Random random = new Random(plan.seed());
        for (int daysAgo = plan.began(); daysAgo >= 0; daysAgo--) {
            LocalDate date = today.minusDays(daysAgo);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            boolean paper = daysAgo <= plan.paperFrom() && daysAgo >= plan.paperTo();
            Instant now = clock.instant();
            for (int session = 1; session <= 6; session++) {
                // Morning and evening sessions; a later session of today may not have happened yet.
                LocalTime time = LocalTime.of(session == 1 ? 8 : 19, random.nextInt(50));
                Instant at = date.atTime(time).atZone(zone).toInstant();
                Version version = inForce(versions, at);
                if (version == null || session > version.perDay() || at.isAfter(now)) {
                    continue;
                }
                double chance = plan.weekdaysOnly() && weekend ? 0.1 : plan.doing().applyAsDouble(daysAgo);
                boolean done = random.nextDouble() < chance;
                boolean skipped = !done && chance > 0 && random.nextDouble() < 0.45;
                if (!done && !skipped) {
                    continue;
                }
                Integer pain = null;
                if (session == 1 && random.nextDouble() < 0.75 || plan.symptoms().containsKey(daysAgo)
                        || plan.comments().containsKey(daysAgo) && session == 1) {
                    boolean scripted = plan.symptoms().containsKey(daysAgo) || plan.comments().containsKey(daysAgo);
                    // Scripted days report the planned score exactly; other days wander around it.
                    double p = plan.pain().applyAsDouble(daysAgo) + (scripted ? 0 : random.nextGaussian() * 0.6);
                    pain = (int) Math.max(0, Math.min(10, Math.round(p)));
                }
                String comment = session == 1 ? plan.comments().getOrDefault(daysAgo, "") : "";
                String symptom = session == 1 ? plan.symptoms().get(daysAgo) : null;
                if (symptom != null || !comment.isEmpty()) {
                    done = true;
                }
                String skipReason = done ? null : SKIPS[random.nextInt(SKIPS.length)];
                if (!done && pain != null && pain >= 6) {
                    skipReason = "PAIN";
                }
                String difficulty = !done ? null : switch (random.nextInt(10)) {
                    case 0, 1 -> "EASY";
                    case 2 -> "HARD";
                    default -> "ABOUT_RIGHT";
                };
                Instant recorded = paper ? today.minusDays(plan.paperTo() - 1L).atTime(11, 5).atZone(zone).toInstant()
                        : at.plusSeconds(600 + random.nextInt(1200));
                insert(clinic, patient, programId, version, date, session, done, skipReason, pain, difficulty,
                        symptom, comment, paper, me, recorded, random);
            }
        }
    }

    private static Version inForce(List<Version> versions, Instant at) {
        Version found = null;
        for (Version v : versions) {
            if (!v.publishedAt().isAfter(at)) {
                found = v;
            }
        }
        return found;
    }

    private void insert(Clinic clinic, Patient patient, UUID programId, Version version, LocalDate date, int session,
                        boolean done, String skipReason, Integer pain, String difficulty, String symptom,
                        String comment, boolean paper, UserId me, Instant recorded, Random random) {
        UUID checkinId = jdbc.sql("""
                        insert into checkin (clinic_id, patient_id, program_id, program_version_id, local_date,
                            session_number, status, skip_reason, pain, difficulty, symptoms, comment, source,
                            entered_by, idempotency_key, created_at)
                        values (:clinic, :patient, :program, :version, :date, :session, :status, :skip, :pain,
                            :difficulty, :symptoms, :comment, :source, :enteredBy, :key, :at)
                        returning id""")
                .param("clinic", clinic.id().value())
                .param("patient", patient.id().value())
                .param("program", programId)
                .param("version", version.id())
                .param("date", java.sql.Date.valueOf(date))
                .param("session", session)
                .param("status", done ? "DONE" : "SKIPPED")
                .param("skip", skipReason, java.sql.Types.VARCHAR)
                .param("pain", pain, java.sql.Types.SMALLINT)
                .param("difficulty", difficulty, java.sql.Types.VARCHAR)
                .param("symptoms", symptom == null ? new String[0] : new String[]{symptom})
                .param("comment", comment)
                .param("source", paper ? "PAPER" : "PATIENT")
                .param("enteredBy", paper ? me.value() : null, java.sql.Types.OTHER)
                .param("key", UUID.randomUUID())
                .param("at", Timestamp.from(recorded))
                .query(UUID.class).single();
        if (!done) {
            return;
        }
        for (Map<String, Object> item : version.items()) {
            // Now and then one exercise is left out; the later ones in the list more often.
            int position = ((Number) item.get("position")).intValue();
            boolean itemDone = random.nextDouble() > 0.03 + 0.04 * position;
            jdbc.sql("""
                            insert into checkin_exercise (checkin_id, position, exercise_id, exercise_name, sets,
                                repetitions, hold_seconds, sides, times_per_day, days_per_week, done)
                            values (:checkin, :position, :exercise, :name, :sets, :reps, :hold, :sides, :tpd, :dpw,
                                :done)""")
                    .param("checkin", checkinId)
                    .param("position", position)
                    .param("exercise", item.get("exercise_id"))
                    .param("name", item.get("name"))
                    .param("sets", item.get("sets"))
                    .param("reps", item.get("repetitions"))
                    .param("hold", item.get("hold_seconds"))
                    .param("sides", item.get("sides"))
                    .param("tpd", item.get("times_per_day"))
                    .param("dpw", item.get("days_per_week"))
                    .param("done", itemDone)
                    .update();
        }
    }
}
