package org.homestretch.audit;

import org.homestretch.security.SignInActivity;
import org.homestretch.security.SignInRuleChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the security feature publishes about signing in and its clinic's sign-in rules.
 * Plain (synchronous) listeners: each entry is written while the request that caused it runs,
 * with that request's client address.
 */
@Component
class SignInAudit {

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Sign-in activity is published outside any transaction, so each entry gets its own. A sign-in
     * or a sign-out must still work when its entry cannot be written, as a page must open: the
     * failure is logged by action and exception type only (never the account's email).
     */
    @EventListener
    void on(SignInActivity activity) {
        AuditAction action = switch (activity.kind()) {
            case SIGNED_IN -> AuditAction.SIGN_IN_SUCCEEDED;
            case FAILED -> AuditAction.SIGN_IN_FAILED;
            case LOCKED_OUT -> AuditAction.SIGN_IN_LOCKED_OUT;
            case SIGNED_OUT -> AuditAction.SIGNED_OUT;
            case LOGGED_OFF_IDLE -> AuditAction.SIGNED_OUT_IDLE;
        };
        try {
            audit.recordFor(activity.clinicId().value(), activity.userId().value(), ActorKind.STAFF, action, null,
                    activity.detail());
        } catch (RuntimeException e) {
            log.error("Audit entry {} could not be written ({})", action, e.getClass().getName());
        }
    }

    /** Published inside the admin's change, so {@code record} writes the entry in that same transaction. */
    @EventListener
    void on(SignInRuleChanged change) {
        audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, change.detail());
    }
}
