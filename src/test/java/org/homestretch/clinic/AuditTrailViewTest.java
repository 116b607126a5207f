package org.homestretch.clinic;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditActor;
import org.homestretch.audit.AuditFilter;
import org.homestretch.audit.AuditLog;
import org.homestretch.audit.AuditRow;
import org.homestretch.audit.AuditTrail;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings → Audit trail: filters, paging, the chain check and the CSV export, on real PostgreSQL. */
class AuditTrailViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    TestAccounts clinic;

    @BeforeEach
    void createClinic() {
        clinic = new TestAccounts(provisioning);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_therapist_cannot_open_the_audit_trail_nor_read_it_through_the_service() {
        signInAs(clinic.therapistEmail);

        assertThatThrownBy(() -> UI.getCurrent().navigate("settings/audit")).isInstanceOf(MockAccessDeniedException.class);
        _assertNone(AuditTrailView.class);
        UI.getCurrent().navigate("");
        _assertNone(SideNavItem.class, spec -> spec.withPredicate(item -> "Audit trail".equals(item.getLabel())));
        assertThatThrownBy(() -> trail.entries(AuditFilter.NONE, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.csv(AuditFilter.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void filters_by_user_patient_action_and_dates_in_the_clinics_time_zone() {
        // Berlin clinic. Day 1: the therapist adds two patients; 23:30 UTC on day 2 is already day 3 in Berlin.
        signInAs(clinic.therapistEmail);
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        Patient maria = patients.create(details("Maria", "Gonzalez"));
        Patient jon = patients.create(details("Jon", "Berg"));
        clock.set(Instant.parse("2026-03-11T23:30:00Z"));
        patients.open(maria.id());
        patients.open(jon.id());
        signInAs(clinic.adminEmail);
        clock.set(Instant.parse("2026-03-13T10:00:00Z"));
        patients.open(maria.id());
        patients.deletePermanently(jon.id(), "Jon Berg");

        UI.getCurrent().navigate("settings/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        assertThat(_size(view.grid)).isEqualTo(6);
        assertThat(view.resultCount.getText()).isEqualTo("6 entries");
        // Newest first, in the clinic's time and date style (United Kingdom by default), names resolved.
        assertThat(_getFormatted(view.grid, 0, "when")).isEqualTo("13/03/2026 11:00:00");
        assertThat(_get(view.grid, 0).who()).isEqualTo("Ada Admin (" + clinic.adminEmail + ")");
        assertThat(_getFormatted(view.grid, 0, "action")).isEqualTo("Deleted the patient permanently");
        assertThat(_getFormatted(view.grid, 0, "patient")).isEqualTo("deleted patient");
        assertThat(_getFormatted(view.grid, 1, "patient")).isEqualTo("Maria Gonzalez");
        assertThat(_getFormatted(view.grid, 2, "when")).isEqualTo("12/03/2026 00:30:00");

        type(view.who, actor(view, "Theo Therapist"));
        assertThat(_size(view.grid)).isEqualTo(4);
        type(view.action, AuditAction.PATIENT_OPENED);
        assertThat(_size(view.grid)).isEqualTo(2);
        type(view.who, actor(view, "Ada Admin"));
        assertThat(_size(view.grid)).isEqualTo(1);
        view.who.clear();
        assertThat(_size(view.grid)).isEqualTo(3);
        view.action.clear();

        type(view.patient, "MARIA");
        assertThat(_size(view.grid)).isEqualTo(3);
        assertThat(IntStream.range(0, 3).mapToObj(i -> _get(view.grid, i).patient())).containsOnly("Maria Gonzalez");
        type(view.patient, "Berg"); // the deleted patient's name is gone with the record
        assertThat(_size(view.grid)).isZero();
        view.patient.clear();

        type(view.from, LocalDate.of(2026, 3, 12));
        type(view.to, LocalDate.of(2026, 3, 12));
        assertThat(_size(view.grid)).isEqualTo(2);
        view.to.clear();
        assertThat(_size(view.grid)).isEqualTo(4);

        // A range that ends before it starts says so and keeps the rows shown.
        type(view.to, LocalDate.of(2026, 3, 11));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end date is before the start date.");
        assertThat(_size(view.grid)).isEqualTo(4);
        type(view.from, LocalDate.of(2026, 3, 10));
        assertThat(view.to.isInvalid()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(view.filter().until()).isEqualTo(Instant.parse("2026-03-11T23:00:00Z"));
    }

    @Test
    void loads_page_by_page_beyond_the_first_page() {
        signInAs(clinic.adminEmail);
        new TransactionTemplate(transactions).executeWithoutResult(s -> IntStream.rangeClosed(1, 120)
                .forEach(i -> audit.record(AuditAction.PROGRAM_VERSION_SAVED, null, "version " + i)));

        UI.getCurrent().navigate("settings/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        assertThat(view.grid.getDataProvider().isInMemory()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(120);
        assertThat(_get(view.grid, 0).detail()).isEqualTo("version 120");
        List<AuditRow> third = _fetch(view.grid, 100, 50);
        assertThat(third).extracting(AuditRow::sequence)
                .containsExactlyElementsOf(IntStream.iterate(20, i -> i >= 1, i -> i - 1).mapToObj(i -> (long) i).toList());
        assertThat(_get(view.grid, 119).detail()).isEqualTo("version 1");
    }

    @Test
    void the_check_says_all_is_intact_and_then_finds_a_row_edited_behind_the_apps_back() {
        signInAs(clinic.adminEmail);
        new TransactionTemplate(transactions).executeWithoutResult(s -> IntStream.rangeClosed(1, 5)
                .forEach(i -> audit.record(AuditAction.PROGRAM_VERSION_SAVED, null, "version " + i)));
        UI.getCurrent().navigate("settings/audit");
        AuditTrailView view = _get(AuditTrailView.class);

        _click(view.check);
        assertThat(view.checkResult.getText()).isEqualTo("All 5 entries are intact.");

        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql("update audit_entry set detail = 'version 9' where clinic_id = ? and sequence_no = 3")
                    .param(clinic.clinicId.value()).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
        _click(view.check);
        assertThat(view.checkResult.getText()).isEqualTo("The record has been tampered with: entry 3 was changed "
                + "after it was written. Entries 1 to 2 before it are intact.");
        assertThat(view.checkResult.hasClassName("hs-audit-check-broken")).isTrue();
    }

    @Test
    void the_csv_holds_the_filtered_rows_with_formulas_disarmed_and_its_export_is_recorded_once() {
        signInAs(clinic.therapistEmail);
        Patient maria = patients.create(details("Maria", "Gonzalez"));
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_OPENED, maria.id().value(), "=cmd|' /C calc'!A0");
            audit.record(AuditAction.PATIENT_OPENED, maria.id().value(), "");
            audit.record(AuditAction.PROGRAM_VERSION_SAVED, maria.id().value(), "version 1");
        });
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        type(view.action, AuditAction.PATIENT_OPENED);
        assertThat(exports()).isZero();

        String csv = new String(_download(view.csv), StandardCharsets.UTF_8);

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("\uFEFFentry,when_utc,who,actor_kind,action,action_code,patient,detail,address");
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line)
                .contains(",Theo Therapist (" + clinic.therapistEmail + "),STAFF,Opened the patient record,PATIENT_OPENED,"
                        + "Maria Gonzalez,"));
        assertThat(lines.get(2)).contains(",'=cmd|' /C calc'!A0,");
        assertThat(exports()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_entry where clinic_id = ? and action = 'AUDIT_LOG_EXPORTED'")
                .param(clinic.clinicId.value()).query(String.class).single()).isEqualTo("2 entries");
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_entry where clinic_id = ? and action = 'AUDIT_LOG_EXPORTED'")
                .param(clinic.clinicId.value()).query(Long.class).single();
    }

    private static AuditActor actor(AuditTrailView view, String name) {
        return view.who.getListDataView().getItems().filter(a -> a.label().startsWith(name + " ")).findFirst().orElseThrow();
    }

    private static PatientDetails details(String first, String last) {
        return new PatientDetails(first, last, null, "", "", "en", null, "");
    }
}
