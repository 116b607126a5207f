package org.homestretch.security;

/** What an account may do. Names match the {@code @RolesAllowed} values on views. */
public enum Role {
    /** Manages the clinic's accounts and settings, and may do all a therapist does. */
    ADMIN("Admin"),
    /** Builds programs for patients and reviews their reports. */
    THERAPIST("Therapist");

    public static final String ADMIN_NAME = "ADMIN";
    public static final String THERAPIST_NAME = "THERAPIST";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String authority() {
        return "ROLE_" + name();
    }
}
