package org.homestretch.audit;

import org.homestretch.bench.Bench;
import org.homestretch.bench.BenchApp;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The cost of one audit entry (run by {@link Bench}, never by the test suite): a transaction that
 * changes one clinic row and records it with {@link AuditLog#record}, next to the same transaction
 * without the entry, in the same run on the same database. The difference is what each audited
 * change pays: the chain lock, reading the clinic's last hash, hashing, one insert.
 */
public final class AuditBench {

    public static final String WITH_ENTRY = "audit: change + AuditLog.record";
    public static final String BASELINE = "baseline: the same change, no entry";

    private AuditBench() {
    }

    public static List<Bench.Case> cases() {
        ConfigurableApplicationContext context = BenchApp.start();
        TestAccounts clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
        Authentication therapist = BenchApp.therapist(context, clinic);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        AuditLog audit = context.getBean(AuditLog.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        UUID clinicId = clinic.clinicId.value();
        UUID patient = UUID.randomUUID(); // the entry's patient column is not a foreign key
        Runnable change = () -> jdbc.sql("update clinic set name = name where id = :id").param("id", clinicId).update();
        return List.of(
                new Bench.Case(WITH_ENTRY, () -> signedIn(therapist, () -> transaction.executeWithoutResult(status -> {
                    change.run();
                    audit.record(AuditAction.PATIENT_EDITED, patient, "bench");
                }))),
                new Bench.Case(BASELINE, () -> signedIn(therapist, () -> transaction.executeWithoutResult(status -> change.run()))));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(WITH_ENTRY, BASELINE));
    }

    private static byte[] signedIn(Authentication who, Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(who);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
        return new byte[0];
    }
}
