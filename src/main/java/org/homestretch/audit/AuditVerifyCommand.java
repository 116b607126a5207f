package org.homestretch.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar homestretch.jar audit-verify}: checks every clinic's chain in the configured
 * database and prints one line per clinic. Exit code 0 when every chain is intact, 1 otherwise,
 * so a scheduled job can alert on it.
 */
@Component
public class AuditVerifyCommand {

    public static final String ARGUMENT = "audit-verify";

    private final AuditVerifier verifier;
    private final AuditQueryRepository repository;

    AuditVerifyCommand(AuditVerifier verifier, AuditQueryRepository repository) {
        this.verifier = verifier;
        this.repository = repository;
    }

    /** Prints the outcome per clinic and returns the exit code. */
    @Transactional(readOnly = true)
    public int run(PrintStream out) {
        return report(verifier.verifyAllClinics(), repository.clinicNames(), out);
    }

    static int report(List<AuditVerifier.Result> results, Map<UUID, String> names, PrintStream out) {
        boolean intact = true;
        for (AuditVerifier.Result r : results) {
            String clinic = names.containsKey(r.clinicId()) ? names.get(r.clinicId()) + " (" + r.clinicId() + ")" : r.clinicId().toString();
            if (r.ok()) {
                out.println("clinic " + clinic + ": " + r.entriesChecked() + (r.entriesChecked() == 1 ? " entry" : " entries")
                        + " intact");
            } else {
                intact = false;
                out.println("clinic " + clinic + ": BROKEN. " + AuditCheckWords.sentence(r));
            }
        }
        out.println(results.isEmpty() ? "No audit entries to check."
                : intact ? "Every clinic's audit trail is intact." : "At least one audit trail has been tampered with.");
        return intact ? 0 : 1;
    }
}
