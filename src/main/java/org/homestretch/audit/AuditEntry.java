package org.homestretch.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit entry. {@code actorId}, {@code patientId} and {@code clientAddress} may be
 * null; {@code detail} never holds patient data (e.g. "version 3").
 */
public record AuditEntry(UUID clinicId, long sequence, Instant occurredAt, UUID actorId, ActorKind actorKind,
                         String action, UUID patientId, String detail, String clientAddress,
                         byte[] previousHash, byte[] hash) {
}
