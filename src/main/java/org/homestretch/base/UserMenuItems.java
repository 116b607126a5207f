package org.homestretch.base;

import com.vaadin.flow.component.contextmenu.SubMenu;

/**
 * Entries a feature adds to the signed-in user's menu in the shell, between their name and
 * "Log out" (for example changing their password). Implemented as beans by the features, so that
 * the shell does not depend on them.
 */
public interface UserMenuItems {

    void addTo(SubMenu menu);
}
