package org.homestretch.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Creates clinics and accounts without a signed-in user: used by first-run setup and the demo
 * data. Everything a person types is checked here, whatever form it came from.
 */
@Service
public class ClinicProvisioning {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    ClinicProvisioning(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public ClinicId createClinic(String name, ZoneId timeZone, NewAccount admin) {
        AccountRules.checkName(name, "clinic name").ifPresent(message -> {
            throw new AccountException("clinicName", message);
        });
        if (admin.role() != Role.ADMIN) {
            throw new AccountException(null, "A new clinic starts with an admin.");
        }
        ClinicId clinicId = accounts.insertClinic(name.strip(), timeZone, clock.instant());
        addAccount(clinicId, admin);
        return clinicId;
    }

    @Transactional(readOnly = true)
    public boolean clinicExists(String name) {
        return accounts.findClinicByName(name).isPresent();
    }

    @Transactional
    public UserId addAccount(ClinicId clinicId, NewAccount account) {
        AccountRules.checkName(account.displayName(), "name").ifPresent(message -> {
            throw new AccountException("displayName", message);
        });
        AccountRules.checkEmail(account.email()).ifPresent(message -> {
            throw new AccountException("email", message);
        });
        AccountRules.checkPassword(account.password()).ifPresent(message -> {
            throw new AccountException("password", message);
        });
        String email = AccountRules.normaliseEmail(account.email());
        if (accounts.emailTaken(email)) {
            throw new AccountException("email", "An account with this email already exists.");
        }
        return accounts.insertUser(clinicId, email, account.displayName().strip(),
                passwordEncoder.encode(account.password()), account.role(), clock.instant());
    }
}
