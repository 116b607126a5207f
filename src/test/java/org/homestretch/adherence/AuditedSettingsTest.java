package org.homestretch.adherence;

import org.homestretch.audit.ActorKind;
import org.homestretch.catalog.transfer.CatalogTransfer;
import org.homestretch.catalog.transfer.ImportReport;
import org.homestretch.clinic.ClinicLogos;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.SignedInUser;
import org.homestretch.security.TwoFactorService;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.MutableClock;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic settings not covered by {@link AuditedActionsTest} (logo, two-factor requirement) and
 * the catalog import: each, done once, adds exactly one entry with the user and a detail.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditedSettingsTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    ClinicLogos logos;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    CatalogTransfer transfer;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;

    @BeforeEach
    void newClinic() {
        clinic = new TestAccounts(provisioning);
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void logo_uploaded_and_removed() throws Exception {
        SignedInUser admin = (SignedInUser) TestSignIn.as(users, clinic.adminEmail);
        BufferedImage image = new BufferedImage(200, 80, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        assertThat(once(() -> logos.upload(png.toByteArray()), admin)).isEqualTo("CLINIC_SETTINGS_CHANGED logo uploaded");
        assertThat(once(logos::remove, admin)).isEqualTo("CLINIC_SETTINGS_CHANGED logo removed");
        // No logo left to remove: nothing changed, nothing recorded.
        assertThat(added(logos::remove)).isEmpty();
    }

    @Test
    void two_factor_requirement_switched_on_and_off() {
        SignedInUser admin = (SignedInUser) TestSignIn.as(users, clinic.adminEmail);
        twoFactor.confirmEnrolment(AuthenticatorApp.code(twoFactor.startEnrolment().secret(), clock.instant()));

        assertThat(once(() -> twoFactor.requireForClinic(true), admin))
                .isEqualTo("CLINIC_SETTINGS_CHANGED two-factor sign-in required");
        assertThat(once(() -> twoFactor.requireForClinic(false), admin))
                .isEqualTo("CLINIC_SETTINGS_CHANGED two-factor sign-in not required");
    }

    @Test
    void catalog_import_with_its_counts_and_a_preview_records_nothing() {
        SignedInUser therapist = (SignedInUser) TestSignIn.as(users, clinic.therapistEmail);
        byte[] file = """
                {"format": "homestretch-exercises", "version": 1, "exportedAt": "2026-03-10T08:00:00Z",
                 "exercises": [{"name": "Wall reach", "aliases": [], "purpose": "Eases a stiff back.",
                   "position": "STANDING", "bodyAreas": ["LOWER_BACK"], "equipment": ["NONE"], "inBed": false,
                   "bestTime": "ANY", "steps": ["Stand tall.", "Reach up."], "tips": [], "stopIf": [],
                   "dosage": {"sets": 1, "repetitions": 10, "holdSeconds": 0, "sides": "NONE",
                              "timesPerDay": 1, "daysPerWeek": 7},
                   "sources": [], "archived": false}]}""".getBytes(StandardCharsets.UTF_8);

        assertThat(added(() -> transfer.preview(file))).isEmpty();
        ImportReport[] report = new ImportReport[1];
        assertThat(once(() -> report[0] = transfer.apply(file), therapist)).isEqualTo("CATALOG_IMPORTED added 1, updated 0");
        assertThat(report[0].added()).isEqualTo(1);
    }

    /** Runs the work; exactly one entry, by this staff member, about no patient: returns "ACTION detail". */
    private String once(Runnable work, SignedInUser actor) {
        List<Object[]> rows = added(work);
        assertThat(rows).hasSize(1);
        Object[] row = rows.getFirst();
        assertThat(row[2]).isEqualTo(actor.userId().value());
        assertThat(row[3]).isEqualTo(ActorKind.STAFF.name());
        assertThat(row[4]).isNull();
        return row[0] + " " + row[1];
    }

    private List<Object[]> added(Runnable work) {
        long before = count();
        work.run();
        return jdbc.sql("select action, detail, actor_id, actor_kind, patient_id from audit_entry "
                        + "where clinic_id = ? and sequence_no > ? order by sequence_no")
                .params(clinic.clinicId.value(), before)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, UUID.class)}).list();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(clinic.clinicId.value())
                .query(Long.class).single();
    }
}
