package org.homestretch.audit;

import java.util.UUID;

/**
 * A choice in the "who" filter: one staff member ({@code userId} set), or all patients, or the
 * app itself.
 */
public record AuditActor(ActorKind kind, UUID userId, String label) {

    public static final AuditActor PATIENTS = new AuditActor(ActorKind.PATIENT, null, "A patient (phone page)");
    public static final AuditActor SYSTEM = new AuditActor(ActorKind.SYSTEM, null, "System");
}
