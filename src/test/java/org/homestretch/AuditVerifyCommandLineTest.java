package org.homestretch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.audit.AuditVerifyCommand;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar homestretch.jar audit-verify} against the test database: one clinic intact,
 * one with an entry edited behind the app's back.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditVerifyCommandLineTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditVerifyCommand command;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EmbeddedPostgres postgres;

    TestAccounts intact;
    TestAccounts tampered;

    @BeforeEach
    void twoClinicsOneTamperedWith() {
        intact = new TestAccounts(provisioning);
        tampered = new TestAccounts(provisioning);
        recordThree(intact);
        recordThree(tampered);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql("update audit_entry set detail = 'version 9' where clinic_id = ? and sequence_no = 2")
                    .param(tampered.clinicId.value()).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void prints_one_line_per_clinic_and_fails_when_one_chain_is_broken() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = command.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertLines(out);
    }

    @Test
    void the_jar_command_runs_without_a_web_server_against_the_configured_database() throws Exception {
        assertThat(CommandLine.application().getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        PGSimpleDataSource database = (PGSimpleDataSource) postgres.getPostgresDatabase();
        ProcessBuilder jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(), "audit-verify")
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("audit-verify", ".txt"));
        jar.environment().put("SPRING_DATASOURCE_URL", database.getUrl());
        jar.environment().put("SPRING_DATASOURCE_USERNAME", database.getUser());
        jar.environment().put("SPRING_DATASOURCE_PASSWORD", database.getPassword());
        jar.environment().put("HOMESTRETCH_ACCESS_KEY_FILE", "target/test-access.key");
        Process process = jar.start();
        // Not a timing assertion: only a guard against a hung child.
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(jar.redirectOutput().file().toPath());

        assertThat(process.exitValue()).as(out).isEqualTo(1);
        assertLines(out);
        assertThat(out).doesNotContain("Tomcat", "Started Application");
    }

    private void assertLines(String out) {
        assertThat(out.lines()).contains(
                "clinic " + intact.clinicName + " (" + intact.clinicId.value() + "): 3 entries intact",
                "clinic " + tampered.clinicName + " (" + tampered.clinicId.value() + "): BROKEN. The record has been "
                        + "tampered with: entry 2 was changed after it was written. Entry 1 before it is intact.",
                "At least one audit trail has been tampered with.");
    }

    private void recordThree(TestAccounts clinic) {
        TestSignIn.as(userDetails, clinic.adminEmail);
        new TransactionTemplate(transactions).executeWithoutResult(s -> IntStream.rangeClosed(1, 3)
                .forEach(i -> audit.record(AuditAction.PROGRAM_VERSION_SAVED, null, "version " + i)));
        TestSignIn.out();
    }
}
