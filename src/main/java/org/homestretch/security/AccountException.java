package org.homestretch.security;

/** A request about accounts that breaks a rule; the message is safe to show to the user. */
public class AccountException extends RuntimeException {

    /** Which form field the message belongs next to, or null for the whole form. */
    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
