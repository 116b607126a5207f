package org.homestretch.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * The principal kept in the HTTP session after sign-in. It carries the clinic so that every
 * service call can scope its query without trusting an id from the browser.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final UserId userId;
    private final ClinicId clinicId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;

    SignedInUser(UserId userId, ClinicId clinicId, String email, String displayName, Role role, boolean enabled,
                 String passwordHash) {
        this.userId = userId;
        this.clinicId = clinicId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public UserId userId() {
        return userId;
    }

    public ClinicId clinicId() {
        return clinicId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        // No email or name: principals end up in logs and debug output.
        return "SignedInUser[" + userId.value() + ", " + role + "]";
    }
}
