package org.homestretch.base;

import java.util.Optional;

/**
 * Who is signed in, as the shell shows it. Implemented by the security feature so that the
 * shell does not depend on how accounts are stored.
 */
public interface ShellIdentity {

    /** Empty when nobody is signed in. */
    Optional<Header> current();

    record Header(String clinicName, String userName, String roleLabel) {
    }
}
