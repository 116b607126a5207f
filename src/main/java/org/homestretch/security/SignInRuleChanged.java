package org.homestretch.security;

/**
 * Published, inside the change's transaction, when an admin changes a sign-in rule of their
 * clinic (today: whether two-factor sign-in is required). The audit trail records it.
 *
 * @param detail what the rule is now, e.g. "two-factor sign-in required"
 */
public record SignInRuleChanged(String detail) {
}
