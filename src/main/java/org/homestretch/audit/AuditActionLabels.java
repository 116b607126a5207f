package org.homestretch.audit;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Each {@link AuditAction} in plain words, for the audit page, its CSV and the patient record. */
public final class AuditActionLabels {

    private static final Map<AuditAction, String> LABELS = new EnumMap<>(AuditAction.class);

    static {
        put(AuditAction.SIGN_IN_SUCCEEDED, "Signed in");
        put(AuditAction.SIGN_IN_FAILED, "Sign-in failed");
        put(AuditAction.SIGN_IN_LOCKED_OUT, "Sign-in locked after failed tries");
        put(AuditAction.SIGNED_OUT, "Signed out");
        put(AuditAction.SIGNED_OUT_IDLE, "Signed out automatically (idle)");
        put(AuditAction.PATIENT_OPENED, "Opened the patient record");
        put(AuditAction.PROGRAM_OPENED, "Opened the home program");
        put(AuditAction.CHECKINS_OPENED, "Opened the check-ins");
        put(AuditAction.ADHERENCE_OPENED, "Opened the adherence page");
        put(AuditAction.PROGRAM_VERSION_SAVED, "Saved a program version");
        put(AuditAction.HANDOUT_EXPORTED, "Printed a handout");
        put(AuditAction.CSV_EXPORTED, "Exported check-ins (CSV)");
        put(AuditAction.PROGRESS_REPORT_EXPORTED, "Exported a progress report");
        put(AuditAction.AUDIT_LOG_EXPORTED, "Exported the audit trail (CSV)");
        put(AuditAction.ACCESS_ISSUED, "Issued a patient access link and code");
        put(AuditAction.ACCESS_REVOKED, "Revoked the patient's access link and code");
        put(AuditAction.PATIENT_SIGNED_IN_BY_LINK, "Patient opened their page by link");
        put(AuditAction.PATIENT_SIGNED_IN_BY_CODE, "Patient opened their page by code");
        put(AuditAction.PAPER_LOG_ENTERED, "Entered a paper log");
        put(AuditAction.CHECKIN_WITHDRAWN, "Withdrew a check-in");
        put(AuditAction.PATIENT_CREATED, "Added the patient");
        put(AuditAction.PATIENT_EDITED, "Edited the patient's details");
        put(AuditAction.PATIENT_ARCHIVED, "Archived or restored the patient");
        put(AuditAction.PATIENT_DELETED, "Deleted the patient permanently");
        put(AuditAction.USER_CREATED, "Added a user");
        put(AuditAction.USER_DISABLED, "Disabled or enabled a user");
        put(AuditAction.USER_ROLE_CHANGED, "Changed a user's role");
        put(AuditAction.USER_PASSWORD_RESET, "Issued a password reset link");
        put(AuditAction.CLINIC_SETTINGS_CHANGED, "Changed the clinic settings");
        put(AuditAction.CATALOG_IMPORTED, "Imported stretches into the catalog");
        put(AuditAction.OUTCOME_RECORDED, "Recorded an outcome score");
        put(AuditAction.CALENDAR_LINK_ISSUED, "Made a calendar reminder link");
        put(AuditAction.CALENDAR_LINK_REVOKED, "Turned off the calendar reminder link");
        put(AuditAction.PATIENT_LINK_EMAILED, "E-mailed the phone link and code to the patient");
        put(AuditAction.FLAG_REVIEWED, "Marked as reviewed");
    }

    private AuditActionLabels() {
    }

    private static void put(AuditAction action, String label) {
        LABELS.put(action, label);
    }

    public static String label(AuditAction action) {
        String label = LABELS.get(action);
        // An action added later without a label still reads as words: SIGN_IN_FAILED -> "Sign in failed".
        return label != null ? label : humanised(action.name());
    }

    /** The label of a stored action name; a name this version does not know is shown as words too. */
    public static String label(String storedName) {
        try {
            return label(AuditAction.valueOf(storedName));
        } catch (IllegalArgumentException unknown) {
            return humanised(storedName);
        }
    }

    private static String humanised(String name) {
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
