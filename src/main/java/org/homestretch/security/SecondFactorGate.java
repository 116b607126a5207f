package org.homestretch.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Decides, per request and per navigation, whether a signed-in session still lacks its second
 * factor. A session has it when it holds the {@link #AUTHORITY} factor, granted after a right
 * code; otherwise the database says whether the user needs one (enrolled, or their clinic
 * requires it). Read each time, so that a clinic's new requirement reaches open sessions too.
 */
@Component
class SecondFactorGate {

    /** Spring Security's factor authority for an authenticator-app code (see FactorGrantedAuthority). */
    static final String AUTHORITY = "FACTOR_TOTP";

    private final TwoFactorRepository twoFactor;

    SecondFactorGate(TwoFactorRepository twoFactor) {
        this.twoFactor = twoFactor;
    }

    SecondStep stepFor(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof SignedInUser user) || hasSecondFactor(authentication)) {
            return SecondStep.NONE;
        }
        return twoFactor.signInFacts(user.userId())
                .map(facts -> facts.enrolled() ? SecondStep.CODE
                        : facts.clinicRequires() ? SecondStep.ENROL : SecondStep.NONE)
                .orElse(SecondStep.NONE);
    }

    static boolean hasSecondFactor(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(AUTHORITY::equals);
    }
}
