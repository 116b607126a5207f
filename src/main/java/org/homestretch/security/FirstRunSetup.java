package org.homestretch.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;

/**
 * First run without a default password: on an empty database the app prints a one-time link
 * to the console, so only whoever can read the server's console can create the first admin.
 * Once any account exists, setup is closed for good.
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final AccountRepository accounts;
    private final ClinicProvisioning provisioning;
    private final String publicUrl;
    // A new token per start: a link printed by an earlier run stops working.
    private final String token;

    FirstRunSetup(AccountRepository accounts, ClinicProvisioning provisioning,
                  @Value("${homestretch.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.provisioning = provisioning;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceSetupLink() {
        if (isOpen()) {
            log.warn("""

                    ==================================================================
                     HomeStretch has no accounts yet. To create your clinic and its
                     first admin, open this one-time link in your browser:

                       {}/setup?token={}

                    ==================================================================""", publicUrl, token);
        }
    }

    /** True while no account exists. */
    @Transactional(readOnly = true)
    public boolean isOpen() {
        return !accounts.anyUserExists();
    }

    public boolean tokenMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /** Creates the clinic and its first admin, once; a second attempt is refused. */
    @Transactional
    public ClinicId complete(String candidateToken, String clinicName, ZoneId timeZone, Locale locale,
                             NewAccount admin) {
        if (!tokenMatches(candidateToken)) {
            throw new AccountException(null, "This setup link is not valid. Use the link printed in the server console.");
        }
        accounts.lockSetup();
        if (accounts.anyUserExists()) {
            throw new AccountException(null, "Setup is already done. Sign in instead.");
        }
        ClinicId clinicId = provisioning.createClinic(clinicName, timeZone, locale, admin);
        log.info("First-run setup completed: clinic and first admin created");
        return clinicId;
    }

    String tokenForTests() {
        return token;
    }
}
