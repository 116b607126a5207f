package org.homestretch.adherence;

import org.homestretch.patient.Patient;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * File names of a patient's exports: enough to tell two patients' files apart on a desk or in a
 * downloads folder (last name and first initial), no more (no full first name, no birth date),
 * in plain ASCII letters, digits and dashes so that every system and mail program keeps it.
 */
final class ExportNames {

    private static final int LAST_NAME_MAX = 40;
    /** Letters that Unicode does not split into a base letter and an accent. */
    private static final Map<String, String> SPELLED_OUT = Map.of("ß", "ss", "æ", "ae", "Æ", "AE", "ø", "o",
            "Ø", "O", "ł", "l", "Ł", "L", "đ", "d", "Đ", "D", "œ", "oe");

    private ExportNames() {
    }

    /** {@code checkins-Diaz-R-2026-11-30.csv}. */
    static String file(String kind, Patient patient, LocalDate day, String extension) {
        return kind + "-" + patientTag(patient) + "-" + day + "." + extension;
    }

    /**
     * "Angstrom-Z" for Zoë Ångström. A name with no Latin letters at all (written in another
     * script) falls back to the start of the record's id, which is still unique in practice.
     */
    static String patientTag(Patient patient) {
        String last = ascii(patient.details().lastName());
        if (last.length() > LAST_NAME_MAX) {
            last = last.substring(0, LAST_NAME_MAX).replaceAll("-+$", "");
        }
        String first = ascii(patient.details().firstName());
        String initial = first.isEmpty() ? "" : first.substring(0, 1).toUpperCase(Locale.ROOT);
        if (last.isEmpty()) {
            return "patient-" + patient.id().value().toString().substring(0, 8);
        }
        return initial.isEmpty() ? last : last + "-" + initial;
    }

    /** Accents and apostrophes dropped, anything else that is not a letter or digit turned into a single dash. */
    static String ascii(String text) {
        String spelled = text == null ? "" : text;
        for (Map.Entry<String, String> e : SPELLED_OUT.entrySet()) {
            spelled = spelled.replace(e.getKey(), e.getValue());
        }
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // An apostrophe joins a name (O'Brien), it does not split it.
        return plain.replaceAll("['\u2019]", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
