package org.homestretch.demo;

import org.homestretch.clinic.Clinic;
import org.homestretch.clinic.ClinicService;
import org.homestretch.security.AccountService;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Invented outcome scores taken at visits, relative to today: James O'Brien getting better on
 * both measures, Peter Nowak getting worse on both (clinically important, so he is on the
 * worklist). Written as rows, the way {@code outcome} stores them, so that the scores can lie in
 * the past. Added once: nothing happens if the clinic already has outcome scores.
 */
@Component
@Profile("demo")
class DemoOutcomes {

    private static final List<String> JAMES = List.of("Gardening", "Getting in and out of the car", "Walking to the shops");
    private static final List<String> PETER = List.of("Sitting at the desk all day", "Lifting my son", "Running");

    private final ClinicService clinics;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoOutcomes(ClinicService clinics, AccountService accounts, JdbcClient jdbc, Clock clock) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void seed() {
        Clinic clinic = clinics.current();
        Integer existing = jdbc.sql("select count(*) from outcome_score where clinic_id = :clinic")
                .param("clinic", clinic.id().value()).query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        ZoneId zone = clinic.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // Better: PSFS 3.0 -> 6.0, pain 5 -> 2.
        score(clinic, zone, "James", "O'Brien", "PSFS", today.minusDays(49), JAMES, 3, 3, 3);
        score(clinic, zone, "James", "O'Brien", "PSFS", today.minusDays(28), JAMES, 5, 4, 4);
        score(clinic, zone, "James", "O'Brien", "PSFS", today.minusDays(7), JAMES, 6, 6, 6);
        score(clinic, zone, "James", "O'Brien", "NPRS", today.minusDays(49), List.of("Pain"), 5);
        score(clinic, zone, "James", "O'Brien", "NPRS", today.minusDays(28), List.of("Pain"), 3);
        score(clinic, zone, "James", "O'Brien", "NPRS", today.minusDays(7), List.of("Pain"), 2);
        // Worse: PSFS 6.0 -> 3.67, pain 3 -> 6, the latest at a visit two days ago.
        score(clinic, zone, "Peter", "Nowak", "PSFS", today.minusDays(70), PETER, 6, 7, 5);
        score(clinic, zone, "Peter", "Nowak", "PSFS", today.minusDays(35), PETER, 5, 6, 4);
        score(clinic, zone, "Peter", "Nowak", "PSFS", today.minusDays(2), PETER, 3, 5, 3);
        score(clinic, zone, "Peter", "Nowak", "NPRS", today.minusDays(70), List.of("Pain"), 3);
        score(clinic, zone, "Peter", "Nowak", "NPRS", today.minusDays(35), List.of("Pain"), 4);
        score(clinic, zone, "Peter", "Nowak", "NPRS", today.minusDays(2), List.of("Pain"), 6);
    }

    private void score(Clinic clinic, ZoneId zone, String first, String last, String measure, LocalDate day,
                       List<String> labels, int... items) {
        double mean = java.util.Arrays.stream(items).average().orElseThrow();
        UUID id = jdbc.sql("""
                        insert into outcome_score (clinic_id, patient_id, measure, taken_on, score, entered_by, source,
                            created_at)
                        select clinic_id, id, :measure, :day, :score, :me, 'VISIT', :at from patient
                        where clinic_id = :clinic and first_name = :first and last_name = :last
                        returning id""")
                .param("clinic", clinic.id().value()).param("first", first).param("last", last)
                .param("measure", measure).param("day", Date.valueOf(day))
                .param("score", BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP))
                .param("me", accounts.currentUserId().value())
                .param("at", Timestamp.from(day.atTime(16, 30).atZone(zone).toInstant()))
                .query(UUID.class).optional().orElse(null);
        if (id == null) {
            return; // the patient was deleted from the demo clinic
        }
        for (int i = 0; i < items.length; i++) {
            jdbc.sql("insert into outcome_item (score_id, position, label, score) values (:id, :pos, :label, :score)")
                    .param("id", id).param("pos", i + 1).param("label", labels.get(i)).param("score", items[i])
                    .update();
        }
    }
}
