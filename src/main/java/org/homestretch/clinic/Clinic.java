package org.homestretch.clinic;

import org.homestretch.base.DateStyle;
import org.homestretch.security.ClinicId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A clinic using HomeStretch; its time zone decides what "today" means for its patients, its
 * locale how dates are typed and shown (see {@link DateStyle}).
 */
public record Clinic(ClinicId id, String name, String phone, ZoneId timeZone, Locale locale, Instant createdAt) {

    public DateStyle dateStyle() {
        return DateStyle.of(locale);
    }
}
