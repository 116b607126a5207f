package org.homestretch.clinic;

import org.homestretch.base.DateStyle;
import org.homestretch.base.EmergencyNumber;
import org.homestretch.security.ClinicId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A clinic using HomeStretch; its time zone decides what "today" means for its patients, its
 * locale how dates are typed and shown (see {@link DateStyle}) and which emergency number patients call.
 * The out-of-hours line is empty when the clinic has none.
 */
public record Clinic(ClinicId id, String name, String phone, String outOfHoursPhone, ZoneId timeZone, Locale locale,
                     Instant createdAt) {

    public DateStyle dateStyle() {
        return DateStyle.of(locale);
    }

    /** What patients call in an emergency, from the clinic's country. */
    public String emergencyNumber() {
        return EmergencyNumber.of(locale);
    }
}
