package org.homestretch.demo;

import org.homestretch.security.AccountService;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting the demo again after an admin renamed its clinic: seeding finds it by its admin account. */
// The same configuration as the browser tests, so that both share one running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class DemoDataRestartTest {

    @Autowired
    DemoData demoData;
    @Autowired
    AccountService accounts;
    @Autowired
    org.homestretch.clinic.ClinicService clinics;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_renamed_demo_clinic_is_found_again_and_nothing_is_added_twice() {
        TestSignIn.as(users, DemoData.ADMIN_EMAIL);
        var before = clinics.current();
        int clinicRows = count("select count(*) from clinic");
        int accountsInAll = count("select count(*) from app_user");
        int patients = count("select count(*) from patient");
        int checkins = count("select count(*) from checkin");
        int outcomeScores = count("select count(*) from outcome_score");
        try {
            clinics.update("Northside Physio", before.phone(), ZoneId.of("Europe/Dublin"));
            TestSignIn.out();

            demoData.run(new DefaultApplicationArguments());

            assertThat(count("select count(*) from clinic")).isEqualTo(clinicRows);
            assertThat(count("select count(*) from app_user")).isEqualTo(accountsInAll);
            assertThat(count("select count(*) from patient")).isEqualTo(patients);
            assertThat(count("select count(*) from checkin")).isEqualTo(checkins);
            assertThat(count("select count(*) from outcome_score")).isEqualTo(outcomeScores);
            assertThat(jdbc.sql("select name, time_zone from clinic where id = :id")
                    .param("id", before.id().value())
                    .query((rs, i) -> rs.getString(1) + " / " + rs.getString(2)).single())
                    .isEqualTo("Northside Physio / Europe/Dublin");
            assertThat(jdbc.sql("select count(*) from app_user where clinic_id = :clinic and email in (:emails)")
                    .param("clinic", before.id().value())
                    .param("emails", java.util.List.of(DemoData.ADMIN_EMAIL, DemoData.THERAPIST_EMAIL))
                    .query(Integer.class).single()).isEqualTo(2);
        } finally {
            // Other tests in this shared context expect the demo clinic as README.md describes it.
            TestSignIn.as(users, DemoData.ADMIN_EMAIL);
            clinics.update(before.name(), before.phone(), before.timeZone(), before.locale());
            TestSignIn.out();
        }
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
