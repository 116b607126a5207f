package org.homestretch.audit;

import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.SignedInUser;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail on real PostgreSQL: numbering, the hash chain, the trigger and the verifier. */
@SpringBootTest
@ActiveProfiles("test")
class AuditLogTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    TestAccounts clinic;
    SignedInUser therapist;
    TransactionTemplate tx;

    @BeforeEach
    void signIn() {
        clinic = new TestAccounts(provisioning);
        therapist = (SignedInUser) TestSignIn.as(userDetails, clinic.therapistEmail);
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void three_entries_are_numbered_one_to_three_by_the_signed_in_user_and_form_a_valid_chain() {
        UUID patient = UUID.randomUUID();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        tx.executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_CREATED, patient, "");
            audit.record(AuditAction.PROGRAM_VERSION_SAVED, patient, "version 1");
            audit.record(AuditAction.SIGNED_OUT, null, null);
        });

        List<AuditEntry> entries = entries(clinic.clinicId.value());
        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("PATIENT_CREATED", "PROGRAM_VERSION_SAVED", "SIGNED_OUT");
        assertThat(entries).extracting(AuditEntry::patientId).containsExactly(patient, patient, null);
        assertThat(entries).extracting(AuditEntry::detail).containsExactly("", "version 1", "");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(therapist.userId().value());
            assertThat(e.actorKind()).isEqualTo(ActorKind.STAFF);
            assertThat(e.clientAddress()).isEqualTo("203.0.113.7");
            assertThat(e.hash()).hasSize(32);
        });
        assertThat(entries.get(0).previousHash()).isEqualTo(new byte[32]);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());

        AuditVerifier.Result result = verifier.verify(clinic.clinicId.value());
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(3);
    }

    @Test
    void an_entry_rolls_back_with_the_change_and_needs_the_callers_transaction() {
        assertThatThrownBy(() -> audit.record(AuditAction.PATIENT_EDITED, null, ""))
                .isInstanceOf(IllegalTransactionStateException.class);
        tx.executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_EDITED, null, "");
            s.setRollbackOnly();
        });
        assertThat(count(clinic.clinicId.value())).isZero();
    }

    @Test
    void an_entry_for_a_named_clinic_and_actor_joins_the_callers_transaction_or_has_its_own() {
        TestSignIn.out();
        UUID patient = UUID.randomUUID();
        UUID id = clinic.clinicId.value();
        tx.executeWithoutResult(s -> {
            audit.recordFor(id, patient, ActorKind.PATIENT, AuditAction.PATIENT_SIGNED_IN_BY_CODE, patient, "");
            s.setRollbackOnly();
        });
        assertThat(count(id)).isZero();

        // No signed-in user and no transaction: written all the same, in a transaction of its own.
        audit.recordFor(id, patient, ActorKind.PATIENT, AuditAction.PATIENT_SIGNED_IN_BY_CODE, patient, "");
        assertThat(entries(id)).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(1L);
            assertThat(e.actorId()).isEqualTo(patient);
            assertThat(e.actorKind()).isEqualTo(ActorKind.PATIENT);
            assertThat(e.patientId()).isEqualTo(patient);
        });
        assertThat(verifier.verify(id).ok()).isTrue();
    }

    @Test
    void the_database_refuses_update_delete_and_truncate() {
        tx.executeWithoutResult(s -> audit.record(AuditAction.PATIENT_OPENED, UUID.randomUUID(), ""));
        UUID id = clinic.clinicId.value();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set detail = 'x' where clinic_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: UPDATE");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where clinic_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: TRUNCATE");

        assertThat(entries(id)).extracting(AuditEntry::detail).containsExactly("");
    }

    @Test
    void an_entry_edited_behind_the_apps_back_is_found_by_its_sequence_number() {
        recordFive();
        behindTheAppsBack("update audit_entry set detail = 'version 9' where clinic_id = ? and sequence_no = 3");

        AuditVerifier.Result result = verifier.verify(clinic.clinicId.value());
        assertThat(result.ok()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo(AuditVerifier.Problem.HASH_MISMATCH);
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void a_removed_entry_and_a_rehashed_edit_are_found_too() {
        recordFive();
        behindTheAppsBack("delete from audit_entry where clinic_id = ? and sequence_no = 2");
        AuditVerifier.Result gap = verifier.verify(clinic.clinicId.value());
        assertThat(gap.brokenAt()).isEqualTo(2L);
        assertThat(gap.problem()).isEqualTo(AuditVerifier.Problem.SEQUENCE_GAP);

        // Someone who recomputes entry 4's own hash after editing it still breaks entry 5's link.
        AuditEntry four = entries(clinic.clinicId.value()).get(2);
        AuditEntry edited = new AuditEntry(four.clinicId(), 4, four.occurredAt(), four.actorId(), four.actorKind(),
                four.action(), null, four.detail(), four.clientAddress(), four.previousHash(), null);
        byte[] rehashed = AuditHash.of(edited);
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql("update audit_entry set patient_id = null, hash = ? where clinic_id = ? and sequence_no = 4")
                    .params(rehashed, clinic.clinicId.value()).update();
            jdbc.sql("insert into audit_entry (clinic_id, sequence_no, occurred_at, actor_kind, action, previous_hash, hash) "
                            + "select clinic_id, 2, occurred_at, actor_kind, action, previous_hash, hash "
                            + "from audit_entry where clinic_id = ? and sequence_no = 1")
                    .param(clinic.clinicId.value()).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
        AuditVerifier.Result result = verifier.verify(clinic.clinicId.value());
        assertThat(result.brokenAt()).isEqualTo(2L); // the forged entry 2 links to nothing
        assertThat(result.problem()).isEqualTo(AuditVerifier.Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void two_clinics_have_independent_chains() {
        tx.executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_OPENED, null, "");
            audit.record(AuditAction.PATIENT_OPENED, null, "");
        });
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(userDetails, other.adminEmail);
        tx.executeWithoutResult(s -> audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "time zone"));

        assertThat(entries(clinic.clinicId.value())).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
        assertThat(entries(other.clinicId.value())).extracting(AuditEntry::sequence).containsExactly(1L);
        assertThat(verifier.verifyOwnClinic()).satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.clinicId()).isEqualTo(other.clinicId.value());
            assertThat(r.entriesChecked()).isEqualTo(1);
        });
        assertThat(verifier.verifyAllClinics())
                .filteredOn(r -> r.clinicId().equals(clinic.clinicId.value()) || r.clinicId().equals(other.clinicId.value()))
                .hasSize(2).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void eight_threads_recording_at_once_leave_no_gap_and_no_duplicate() throws Exception {
        int threads = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    TestSignIn.as(userDetails, clinic.therapistEmail);
                    try {
                        for (int i = 0; i < each; i++) {
                            tx.executeWithoutResult(s -> audit.record(AuditAction.PATIENT_OPENED, null, ""));
                        }
                    } finally {
                        TestSignIn.out();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(entries(clinic.clinicId.value())).extracting(AuditEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(verifier.verify(clinic.clinicId.value()).ok()).isTrue();
    }

    @Test
    void a_page_view_is_recorded_without_a_transaction_and_survives_the_callers_rollback() {
        audit.recordRead(AuditAction.PATIENT_OPENED, UUID.randomUUID(), "");
        tx.executeWithoutResult(s -> {
            audit.recordRead(AuditAction.ADHERENCE_OPENED, null, "");
            s.setRollbackOnly();
        });
        assertThat(entries(clinic.clinicId.value())).extracting(AuditEntry::action)
                .containsExactly("PATIENT_OPENED", "ADHERENCE_OPENED");
    }

    @Test
    void a_page_view_that_cannot_be_recorded_never_fails_the_page() {
        TestSignIn.out();
        audit.recordRead(AuditAction.PATIENT_OPENED, null, ""); // nobody signed in: nothing to file it under
        assertThat(count(clinic.clinicId.value())).isZero();

        // The caller's transaction holds the clinic's chain lock: the view's entry gives up instead of waiting forever.
        TestSignIn.as(userDetails, clinic.therapistEmail);
        tx.executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_EDITED, null, "");
            audit.recordRead(AuditAction.PATIENT_OPENED, null, "");
        });
        assertThat(entries(clinic.clinicId.value())).extracting(AuditEntry::action).containsExactly("PATIENT_EDITED");
    }

    private void recordFive() {
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= 5; i++) {
                audit.record(AuditAction.PROGRAM_VERSION_SAVED, UUID.randomUUID(), "version " + i);
            }
        });
    }

    /** One statement with the append-only trigger off, as someone with database access could do. */
    private void behindTheAppsBack(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql(sql).param(clinic.clinicId.value()).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
    }

    private List<AuditEntry> entries(UUID clinicId) {
        List<AuditEntry> entries = new ArrayList<>();
        new AuditRepository(jdbc).forEachInOrder(clinicId, entries::add);
        return entries;
    }

    private long count(UUID clinicId) {
        return jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(clinicId).query(Long.class).single();
    }
}
