package org.homestretch.base;

import java.util.Locale;
import java.util.Map;

/**
 * The number a patient calls in an emergency, from the country in the clinic's settings. 112 works
 * across the European Union and on most mobile phones elsewhere, so it is the fallback.
 */
public final class EmergencyNumber {

    public static final String FALLBACK = "112";

    private static final Map<String, String> BY_COUNTRY = Map.of(
            "GB", "999", "US", "911", "CA", "911", "AU", "000", "NZ", "111");

    private EmergencyNumber() {
    }

    /** For a clinic locale such as en-GB or de-AT; any country not listed gets 112. */
    public static String of(Locale clinicLocale) {
        if (clinicLocale == null) {
            return FALLBACK;
        }
        return BY_COUNTRY.getOrDefault(clinicLocale.getCountry(), FALLBACK);
    }
}
