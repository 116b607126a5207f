package org.homestretch.checkin;

import com.vaadin.flow.component.UI;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A sample of the hostile-input corpus as the comment of sessions typed in from the paper log. */
class PaperLogHostileTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    CheckinService checkins;
    @Autowired
    MutableClock clock;

    Patient maria;

    @BeforeEach
    void patientWithAProgramFromSixtyDaysAgo() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
        // Enough past days that every stored comment gets a session of its own.
        clock.set(CheckinTestSupport.START.minus(Duration.ofDays(60)));
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
        clock.set(CheckinTestSupport.START);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void each_comment_is_stored_exactly_or_refused_next_to_the_field() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("paper log");
        UI.getCurrent().navigate("patients/" + maria.id().value() + "/checkins");
        CheckinsView view = _get(CheckinsView.class);
        LocalDate day = CheckinTestSupport.START.atZone(ZoneId.of("Europe/Berlin")).toLocalDate().minusDays(50);
        for (String entry : HostileCorpus.sample(8, 5)) {
            int before = checkins.count(maria.id());
            try {
                type(view.paper.day, day);
                type(view.paper.session, 1);
                type(view.paper.comment, entry);
                _click(view.paper.add);
            } catch (RuntimeException e) {
                tally.failed("paper comment", entry, e.getClass().getSimpleName());
                continue;
            }
            if (checkins.count(maria.id()) == before + 1) {
                LocalDate saved = day;
                String stored = checkins.recent(maria.id(), 0, 100).stream().filter(c -> c.date().equals(saved))
                        .findFirst().orElseThrow().comment();
                if (stored.equals(entry.strip())) {
                    tally.stored("paper comment");
                } else {
                    tally.failed("paper comment", entry, "stored as " + HostileCorpus.describe(stored));
                }
                day = day.plusDays(1);
            } else if (view.paper.comment.isInvalid() && view.paper.comment.getErrorMessage() != null
                    && !view.paper.comment.getErrorMessage().isBlank() && view.paper.comment.getValue().equals(entry)) {
                tally.refused("paper comment");
            } else {
                tally.failed("paper comment", entry, "neither saved nor refused next to the field");
            }
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
    }
}
