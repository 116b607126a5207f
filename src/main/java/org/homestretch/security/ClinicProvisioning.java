package org.homestretch.security;

import org.homestretch.base.DateStyle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** A clinic that writes dates the default way ({@link DateStyle#DEFAULT}). */
    @Transactional
    public ClinicId createClinic(String name, ZoneId timeZone, NewAccount admin) {
        return createClinic(name, timeZone, DateStyle.DEFAULT.locale(), admin);
    }

    @Transactional
    public ClinicId createClinic(String name, ZoneId timeZone, Locale locale, NewAccount admin) {
        AccountRules.checkName(name, "clinic name").ifPresent(message -> {
            throw new AccountException("clinicName", message);
        });
        if (DateStyle.find(locale).isEmpty()) {
            throw new AccountException("locale", "Choose how the clinic writes dates.");
        }
        if (admin.role() != Role.ADMIN) {
            throw new AccountException(null, "A new clinic starts with an admin.");
        }
        ClinicId clinicId = accounts.insertClinic(name.strip(), timeZone, locale, clock.instant());
        addAccount(clinicId, admin);
        return clinicId;
    }

    /**
     * The clinic of the account with this email. Found by account, not by name: an admin may
     * rename their clinic at any time.
     */
    @Transactional(readOnly = true)
    public Optional<ClinicId> clinicOfAccount(String email) {
        return email == null ? Optional.empty() : accounts.findClinicOfAccount(AccountRules.normaliseEmail(email));
    }

    @Transactional
    public UserId addAccount(ClinicId clinicId, NewAccount account) {
        AccountRules.checkName(account.displayName(), "name").ifPresent(message -> {
            throw new AccountException("displayName", message);
        });
        AccountRules.checkEmail(account.email()).ifPresent(message -> {
            throw new AccountException("email", message);
        });
        AccountRules.checkPassword(account.password(), List.of(account.email(), account.displayName())).ifPresent(message -> {
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
