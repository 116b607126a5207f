package org.homestretch.audit;

/** What an audit entry records. Stored by name: never rename a constant, only add new ones. */
public enum AuditAction {
    // Sign-in and sessions
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED_OUT,
    SIGNED_OUT,
    SIGNED_OUT_IDLE,
    // Pages opened (once per page visit)
    PATIENT_OPENED,
    PROGRAM_OPENED,
    CHECKINS_OPENED,
    ADHERENCE_OPENED,
    // Programs and exports
    PROGRAM_VERSION_SAVED,
    HANDOUT_EXPORTED,
    CSV_EXPORTED,
    PROGRESS_REPORT_EXPORTED,
    AUDIT_LOG_EXPORTED,
    // Patient access link and code
    ACCESS_ISSUED,
    ACCESS_REVOKED,
    PATIENT_SIGNED_IN_BY_LINK,
    PATIENT_SIGNED_IN_BY_CODE,
    // Check-ins
    PAPER_LOG_ENTERED,
    CHECKIN_WITHDRAWN,
    // Patient records
    PATIENT_CREATED,
    PATIENT_EDITED,
    PATIENT_ARCHIVED,
    PATIENT_DELETED,
    // Accounts and clinic
    USER_CREATED,
    USER_DISABLED,
    USER_ROLE_CHANGED,
    USER_PASSWORD_RESET,
    CLINIC_SETTINGS_CHANGED,
    CATALOG_IMPORTED,
    // Outcome measures
    OUTCOME_RECORDED,
    // Reminders and the link by e-mail
    CALENDAR_LINK_ISSUED,
    CALENDAR_LINK_REVOKED,
    PATIENT_LINK_EMAILED,
    // Worklist: a flag or a worsening outcome marked as reviewed
    FLAG_REVIEWED
}
