package org.homestretch.security;

/** What a form collects to create an account; checked by {@link AccountRules} before saving. */
public record NewAccount(String displayName, String email, String password, Role role) {

    @Override
    public String toString() {
        return "NewAccount[role=" + role + "]"; // never the password or personal details
    }
}
