package org.homestretch.security;

import java.time.Instant;
import java.time.ZoneId;

/** A clinic using HomeStretch; its time zone decides what "today" means for its patients. */
public record Clinic(ClinicId id, String name, String phone, ZoneId timeZone, Instant createdAt) {
}
