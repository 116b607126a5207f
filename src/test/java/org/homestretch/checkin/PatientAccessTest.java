package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
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

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("test")
class PatientAccessTest {

    @Autowired
    AccessService access;
    @Autowired
    PatientSignIn signIn;
    @Autowired
    CheckinService checkins;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    TestAccounts clinic;
    Patient maria;
    Patient peter;

    @BeforeEach
    void twoPatients() {
        clock.set(CheckinTestSupport.START);
        clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
        peter = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Peter", "Nowak");
    }

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void a_link_opens_its_own_program_and_no_other() {
        AccessService.AccessInfo mariaAccess = access.ensure(maria.id()).orElseThrow();
        AccessService.AccessInfo peterAccess = access.ensure(peter.id()).orElseThrow();

        PatientContext viaMaria = signIn.resolve(signIn.withToken(token(mariaAccess)).orElseThrow()).orElseThrow();
        PatientContext viaPeter = signIn.resolve(signIn.withToken(token(peterAccess)).orElseThrow()).orElseThrow();

        assertThat(viaMaria.patientId()).isEqualTo(maria.id());
        assertThat(viaMaria.firstName()).isEqualTo("Maria");
        assertThat(viaPeter.patientId()).isEqualTo(peter.id());
        assertThat(viaMaria.programId()).isNotEqualTo(viaPeter.programId());
        assertThat(mariaAccess.link()).isNotEqualTo(peterAccess.link());
        assertThat(mariaAccess.code()).isNotEqualTo(peterAccess.code());
    }

    @Test
    void the_link_has_256_bits_and_the_code_reads_like_ABCD_EFGH() {
        AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
        assertThat(info.link()).startsWith("http://localhost:8080/p/");
        assertThat(token(info)).matches("[A-Za-z0-9_-]{43}");
        assertThat(info.code()).matches("[" + AccessKeys.CODE_ALPHABET + "]{4}-[" + AccessKeys.CODE_ALPHABET + "]{4}");
    }

    @Test
    void the_code_opens_the_same_program_typed_in_any_case_and_with_spaces() {
        AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
        String typed = " " + info.code().toLowerCase().replace("-", " ") + " ";
        var result = signIn.withCode(typed, "10.0.0.1");
        assertThat(result).isInstanceOf(PatientSignIn.CodeResult.Opened.class);
        String session = ((PatientSignIn.CodeResult.Opened) result).sessionId();
        assertThat(signIn.resolve(session).orElseThrow().patientId()).isEqualTo(maria.id());
    }

    @Test
    void a_new_program_version_keeps_the_link_and_the_code() {
        AccessService.AccessInfo before = access.ensure(maria.id()).orElseThrow();
        programs.publish(maria.id(), 1, List.of(CheckinTestSupport.item(programs, catalog, "bridge",
                catalog.find("bridge").orElseThrow().content().dosage())));
        AccessService.AccessInfo after = access.ensure(maria.id()).orElseThrow();
        assertThat(after.link()).isEqualTo(before.link());
        assertThat(after.code()).isEqualTo(before.code());
        assertThat(signIn.withToken(token(before))).isPresent();
    }

    @Test
    void revoking_ends_the_link_the_code_and_open_sessions_at_once() {
        AccessService.AccessInfo old = access.ensure(maria.id()).orElseThrow();
        String session = signIn.withToken(token(old)).orElseThrow();
        assertThat(signIn.resolve(session)).isPresent();

        AccessService.AccessInfo fresh = access.reissue(maria.id()).orElseThrow();

        assertThat(signIn.resolve(session)).isEmpty();
        assertThat(signIn.withToken(token(old))).isEmpty();
        assertThat(signIn.withCode(old.code(), "10.0.0.2")).isInstanceOf(PatientSignIn.CodeResult.Wrong.class);
        assertThat(fresh.link()).isNotEqualTo(old.link());
        assertThat(fresh.code()).isNotEqualTo(old.code());
        assertThat(signIn.withToken(token(fresh))).isPresent();

        assertThat(access.revoke(maria.id())).isTrue();
        assertThat(signIn.withToken(token(fresh))).isEmpty();
        assertThat(access.find(maria.id())).isEmpty();
    }

    @Test
    void archiving_the_patient_closes_the_page() {
        String session = signIn.withToken(token(access.ensure(maria.id()).orElseThrow())).orElseThrow();
        patients.setArchived(maria.id(), true);
        assertThat(signIn.resolve(session)).isEmpty();
    }

    @Test
    void neither_link_token_code_nor_session_id_is_stored_in_clear() {
        AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
        String session = signIn.withToken(token(info)).orElseThrow();

        String rows = String.join("\n", jdbc.sql("select row_to_json(a)::text from program_access a").query(String.class).list())
                + String.join("\n", jdbc.sql("select row_to_json(s)::text from patient_session s").query(String.class).list());
        String hexRows = rows.toLowerCase();
        for (String secret : List.of(token(info), info.code(), info.code().replace("-", ""), session)) {
            assertThat(rows).doesNotContain(secret);
            assertThat(hexRows).doesNotContain(HexFormat.of().formatHex(secret.getBytes()));
        }
        byte[] stored = jdbc.sql("select token_hash from program_access where revoked_at is null and program_id = "
                        + "(select id from program where patient_id = :patient)")
                .param("patient", maria.id().value()).query(byte[].class).single();
        assertThat(stored).isEqualTo(AccessKeys.tokenHash(token(info)));
    }

    @Test
    void last_use_is_shown_to_the_therapist() {
        assertThat(access.ensure(maria.id()).orElseThrow().lastUsedAt()).isNull();
        clock.advance(Duration.ofHours(2));
        signIn.withToken(token(access.find(maria.id()).orElseThrow()));
        assertThat(access.find(maria.id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void another_clinic_cannot_see_or_revoke_the_access() {
        AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, other.therapistEmail);
        assertThat(access.find(maria.id())).isEmpty();
        assertThat(access.ensure(maria.id())).isEmpty();
        assertThat(access.reissue(maria.id())).isEmpty();
        assertThat(access.revoke(maria.id())).isFalse();
        assertThat(signIn.withToken(token(info))).isPresent();
    }

    @Test
    void wrong_codes_are_limited_per_address() {
        AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
        String address = "192.0.2.10";
        for (int i = 0; i < 10; i++) {
            assertThat(signIn.withCode(wrongCode(info.code(), i, false), address))
                    .isInstanceOf(PatientSignIn.CodeResult.Wrong.class);
        }
        // Even the right code waits now, from that address; another address is not held up.
        assertThat(signIn.withCode(info.code(), address)).isInstanceOf(PatientSignIn.CodeResult.Wait.class);
        assertThat(signIn.withCode(info.code(), "192.0.2.11")).isInstanceOf(PatientSignIn.CodeResult.Opened.class);

        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn.withCode(info.code(), address)).isInstanceOf(PatientSignIn.CodeResult.Opened.class);
    }

    @Test
    void wrong_codes_are_limited_per_code_prefix_from_any_address() {
        AccessService.AccessInfo info = access.ensure(peter.id()).orElseThrow();
        for (int i = 0; i < 10; i++) {
            assertThat(signIn.withCode(wrongCode(info.code(), i, true), "198.51.100." + i))
                    .isInstanceOf(PatientSignIn.CodeResult.Wrong.class);
        }
        var held = signIn.withCode(wrongCode(info.code(), 11, true), "198.51.100.200");
        assertThat(held).isInstanceOf(PatientSignIn.CodeResult.Wait.class);
        assertThat(((PatientSignIn.CodeResult.Wait) held).duration()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void malformed_codes_are_refused_without_counting() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn.withCode("hello", "203.0.113.5")).isInstanceOf(PatientSignIn.CodeResult.Malformed.class);
        }
        assertThat(signIn.withCode(access.ensure(maria.id()).orElseThrow().code(), "203.0.113.5"))
                .isInstanceOf(PatientSignIn.CodeResult.Opened.class);
    }

    private static String token(AccessService.AccessInfo info) {
        return info.link().substring(info.link().lastIndexOf('/') + 1);
    }

    /** A well-formed code that is not the real one; with {@code samePrefix} it shares its first four characters. */
    private static String wrongCode(String real, int n, boolean samePrefix) {
        String alphabet = AccessKeys.CODE_ALPHABET;
        String plain = real.replace("-", "");
        String prefix = samePrefix ? plain.substring(0, 4) : "" + alphabet.charAt(n % 25) + alphabet.charAt((n + 3) % 25)
                + alphabet.charAt((n + 7) % 25) + alphabet.charAt((n + 11) % 25);
        String suffix = "" + alphabet.charAt(n % 25) + alphabet.charAt((n * 7 + 1) % 25) + alphabet.charAt((n * 3 + 2) % 25) + "X";
        String code = prefix + suffix;
        return code.equals(plain) ? prefix + "YYYY" : code;
    }
}
