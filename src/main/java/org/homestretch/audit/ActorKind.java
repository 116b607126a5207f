package org.homestretch.audit;

/** Who acted: a signed-in staff member, a patient on the phone page, or the app itself. */
public enum ActorKind {
    STAFF,
    PATIENT,
    SYSTEM
}
