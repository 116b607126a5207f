package org.homestretch.security;

import org.homestretch.base.ShellIdentity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Supplies the shell's header: the clinic's current name and the signed-in user. */
@Component
class ShellIdentityProvider implements ShellIdentity {

    private final CurrentUser currentUser;
    private final AccountRepository accounts;

    ShellIdentityProvider(CurrentUser currentUser, AccountRepository accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Header> current() {
        return currentUser.find().map(user -> new Header(
                accounts.findClinic(user.clinicId()).map(Clinic::name).orElse(""),
                user.displayName(),
                user.role().label()));
    }
}
