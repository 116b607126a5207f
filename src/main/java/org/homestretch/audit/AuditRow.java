package org.homestretch.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry as an admin reads it, with the names resolved: the staff member's name and
 * email, and the patient's name while the patient exists ({@code patientName} null otherwise).
 */
public record AuditRow(long sequence, Instant occurredAt, ActorKind actorKind, String actorName, String actorEmail,
                       String action, UUID patientId, String patientName, String detail, String clientAddress) {

    /** "Ada Admin (ada@example.org)", "Patient" or "System". */
    public String who() {
        return switch (actorKind) {
            case PATIENT -> "Patient";
            case SYSTEM -> "System";
            case STAFF -> actorName == null ? "Unknown user" : actorName + " (" + actorEmail + ")";
        };
    }

    /** The action in plain words. */
    public String actionLabel() {
        return AuditActionLabels.label(action);
    }

    /** The patient's name, "deleted patient" when the record is gone, or empty when no patient is concerned. */
    public String patient() {
        if (patientId == null) {
            return "";
        }
        return patientName == null ? "deleted patient" : patientName;
    }

    public String address() {
        return clientAddress == null ? "" : clientAddress;
    }
}
