package org.homestretch.worklist;

import org.homestretch.base.MenuCount;
import org.homestretch.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The unreviewed warning signs beside "Home" in the side navigation. */
@Component
class WarningSignCount implements MenuCount {

    private final WorklistService worklist;
    private final CurrentUser currentUser;

    WarningSignCount(WorklistService worklist, CurrentUser currentUser) {
        this.worklist = worklist;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "";
    }

    @Override
    public int count() {
        return currentUser.find().isEmpty() ? 0 : worklist.unreviewedWarnings();
    }

    @Override
    public String describe(int count) {
        return count == 1 ? "1 unreviewed warning sign" : count + " unreviewed warning signs";
    }
}
