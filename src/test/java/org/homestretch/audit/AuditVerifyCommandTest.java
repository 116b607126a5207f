package org.homestretch.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code audit-verify} prints and returns; the run against a database is in AuditVerifyCommandLineTest. */
class AuditVerifyCommandTest {

    private final UUID riverside = UUID.randomUUID();
    private final UUID northside = UUID.randomUUID();

    @Test
    void every_chain_intact_exits_zero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.report(List.of(new AuditVerifier.Result(riverside, 1532, null, null),
                        new AuditVerifier.Result(northside, 1, null, null)),
                Map.of(riverside, "Riverside Physio"), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "clinic Riverside Physio (" + riverside + "): 1532 entries intact",
                "clinic " + northside + ": 1 entry intact",
                "Every clinic's audit trail is intact.");
    }

    @Test
    void a_missing_entry_exits_one_and_says_so() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.report(List.of(new AuditVerifier.Result(riverside, 4, 5L,
                AuditVerifier.Problem.SEQUENCE_GAP)), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "clinic " + riverside + ": BROKEN. The record has been tampered with: entry 5 is missing (it was "
                        + "removed). Entries 1 to 4 before it are intact.",
                "At least one audit trail has been tampered with.");
    }
}
