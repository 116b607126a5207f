package org.homestretch.base;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Who is signed in, as the shell shows it. Implemented by the security feature so that the
 * shell does not depend on how accounts are stored.
 */
public interface ShellIdentity {

    /** Empty when nobody is signed in. */
    Optional<Header> current();

    /**
     * @param clinicTimeZone where the clinic is: "morning" on the start page is the clinic's
     *                       morning, not the server's
     */
    record Header(String clinicName, String userName, String roleLabel, ZoneId clinicTimeZone, boolean admin) {

        /** Nobody signed in. */
        public static final Header NONE = new Header("", "", "", ZoneOffset.UTC, false);
    }
}
