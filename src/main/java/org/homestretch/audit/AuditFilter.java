package org.homestretch.audit;

import java.time.Instant;

/**
 * What the admin narrowed the audit trail to; every part may be null (no narrowing). The clinic
 * is never part of it: it always comes from the signed-in admin.
 *
 * @param actor       who acted: one staff member, or every patient, or the app itself
 * @param patientName part of a patient's name, any case; entries of deleted patients never match
 * @param action      one kind of action
 * @param from        entries at or after this moment
 * @param until       entries before this moment
 */
public record AuditFilter(AuditActor actor, String patientName, AuditAction action, Instant from, Instant until) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
