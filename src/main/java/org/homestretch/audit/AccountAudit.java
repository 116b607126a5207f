package org.homestretch.audit;

import org.homestretch.security.AccountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records account changes published by the security feature. A plain (synchronous) listener, so
 * the entry is written in the change's own transaction and rolls back with it.
 */
@Component
class AccountAudit {

    private final AuditLog audit;

    AccountAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccountChanged change) {
        AuditAction action = switch (change.kind()) {
            case CREATED -> AuditAction.USER_CREATED;
            case DISABLED, ENABLED -> AuditAction.USER_DISABLED;
            case ROLE_CHANGED -> AuditAction.USER_ROLE_CHANGED;
            case PASSWORD_RESET_LINK_ISSUED -> AuditAction.USER_PASSWORD_RESET;
        };
        String what = switch (change.kind()) {
            case DISABLED -> "disabled ";
            case ENABLED -> "enabled ";
            default -> "";
        };
        String detail = what + "user " + change.account().value() + (change.detail().isEmpty() ? "" : ", " + change.detail());
        audit.record(action, null, detail);
    }
}
