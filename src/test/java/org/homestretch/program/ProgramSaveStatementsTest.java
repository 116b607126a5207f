package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.Sides;
import org.homestretch.handout.Handout;
import org.homestretch.handout.HandoutOptions;
import org.homestretch.handout.HandoutService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.StatementCounter;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What saving a 10-exercise program and printing its handout cost in round trips to the database:
 * the statements and transactions really sent, counted under the pool by {@link StatementCounter}.
 * Saving reads the catalog once for all exercises and writes the items in one statement, in one
 * transaction; the audit entry adds its own three (chain lock, last hash, insert).
 */
@SpringBootTest
@ActiveProfiles("test")
class ProgramSaveStatementsTest {

    @Autowired
    ProgramService programs;
    @Autowired
    PatientService patients;
    @Autowired
    HandoutService handouts;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    Patient patient;
    List<ProgramItem> ten;

    @BeforeEach
    void tenExercises() {
        TestAccounts clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        patient = patients.create(new PatientDetails("Zoë", "Ångström", null, "", "", "en", null, ""));
        ten = jdbc.sql("select id from exercise where clinic_id is null and not archived and minutes = 0 order by slug limit 10")
                .query(UUID.class).list().stream().map(id -> programs.newItem(new ExerciseId(id))).toList();
        assertThat(ten).hasSize(10);
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void saving_ten_exercises_twice_takes_one_transaction_and_one_item_statement_each_time() {
        ProgramVersion first;
        try (var saved = StatementCounter.start()) {
            first = programs.publish(patient.id(), 0, ten);
            print("first save", saved);
            // Catalog, program row, version (with the move to it), items; then the audit entry's three.
            assertThat(saved.statementCount()).isEqualTo(4 + 3);
            assertThat(saved.transactions()).isEqualTo(1);
            assertThat(saved.statements().stream().filter(sql -> sql.contains("program_item"))).hasSize(1);
        }
        List<ProgramItem> changed = ten.stream()
                .map(i -> i.withDosage(new Dosage(2, 5, 5, Sides.EACH_SIDE, 1, 7))).toList();
        ProgramVersion second;
        try (var saved = StatementCounter.start()) {
            second = programs.publish(patient.id(), 1, changed);
            print("second save", saved);
            // As the first, plus reading the version it replaces (for "what changed").
            assertThat(saved.statementCount()).isEqualTo(5 + 3);
            assertThat(saved.transactions()).isEqualTo(1);
        }

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.items()).isEqualTo(ten);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.items()).isEqualTo(changed);
        assertThat(second.changes()).hasSize(10);
        assertThat(programs.current(patient.id()).orElseThrow().items()).isEqualTo(changed);
        assertThat(programs.history(patient.id())).extracting(ProgramVersion::number).containsExactly(2, 1);
        assertThat(count("select count(*) from program p join program_version v on v.program_id = p.id "
                + "where p.patient_id = ?")).isEqualTo(2);
        assertThat(count("select count(*) from program p join program_version v on v.program_id = p.id "
                + "join program_item i on i.program_version_id = v.id where p.patient_id = ?")).isEqualTo(20);
        assertThat(count("select count(*) from audit_entry where patient_id = ? and action = 'PROGRAM_VERSION_SAVED'"))
                .isEqualTo(2);
    }

    @Test
    void printing_the_handout_reads_the_version_and_its_exercises_in_one_transaction() {
        ProgramVersion version = programs.publish(patient.id(), 0, ten);
        try (var printed = StatementCounter.start()) {
            Handout handout = handouts.render(version.id(), HandoutOptions.STANDARD);
            print("first handout", printed);
            assertThat(handout.pdf()).isNotEmpty();
            // The reads (version, items, patient twice, exercises, clinic, logo) in one transaction;
            // issuing the phone link (with its audit entry) in a second; the export's entry in a third.
            assertThat(printed.statementCount()).isEqualTo(19);
            assertThat(printed.transactions()).isEqualTo(3);
        }
        try (var printed = StatementCounter.start()) {
            handouts.render(version.id(), HandoutOptions.STANDARD);
            print("second handout", printed);
            // The link exists now: only looked up (patient, program, access row) with no entry of its own.
            assertThat(printed.statementCount()).isEqualTo(14);
            assertThat(printed.transactions()).isEqualTo(3);
        }
    }

    @Test
    void history_and_templates_read_all_their_items_in_one_statement() {
        programs.publish(patient.id(), 0, ten);
        programs.publish(patient.id(), 1, ten.subList(0, 5));
        programs.publish(patient.id(), 2, ten.subList(0, 3));
        try (var read = StatementCounter.start()) {
            List<ProgramVersion> history = programs.history(patient.id());
            // The patient, the program, the versions, then the items of all three.
            assertThat(read.statementCount()).isEqualTo(4);
            assertThat(history).extracting(v -> v.items().size()).containsExactly(3, 5, 10);
        }
        try (var read = StatementCounter.start()) {
            List<Template> templates = programs.templates();
            // The templates, then the items of all their current versions.
            assertThat(read.statementCount()).isEqualTo(2);
            assertThat(templates).hasSizeGreaterThan(1).allSatisfy(t -> assertThat(t.items()).isNotEmpty());
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(patient.id().value()).query(Long.class).single();
    }

    private static void print(String what, StatementCounter.Recording r) {
        System.out.println("== " + what + ": " + r.statementCount() + " statements, " + r.transactions() + " transactions");
        r.statements().forEach(s -> System.out.println("   " + (s.length() > 140 ? s.substring(0, 140) : s)));
    }
}
