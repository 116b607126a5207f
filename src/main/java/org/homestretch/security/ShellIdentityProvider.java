package org.homestretch.security;

import org.homestretch.base.ShellIdentity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.Optional;

/** Supplies the shell's header: the clinic's current name and time zone, and the signed-in user. */
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
        return currentUser.find().map(user -> {
            Optional<AccountRepository.ClinicHeading> clinic = accounts.findClinicHeading(user.clinicId());
            return new Header(clinic.map(AccountRepository.ClinicHeading::name).orElse(""), user.displayName(),
                    user.role().label(), clinic.map(AccountRepository.ClinicHeading::timeZone).orElse(ZoneOffset.UTC),
                    user.isAdmin());
        });
    }
}
