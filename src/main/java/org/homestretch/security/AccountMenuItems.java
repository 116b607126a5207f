package org.homestretch.security;

import com.vaadin.flow.component.contextmenu.SubMenu;
import org.homestretch.base.UserMenuItems;
import org.springframework.stereotype.Component;

/** The user menu's account entries: changing one's password and setting up two-factor sign-in. */
@Component
class AccountMenuItems implements UserMenuItems {

    private final PasswordService passwords;
    private final TwoFactorService twoFactor;

    AccountMenuItems(PasswordService passwords, TwoFactorService twoFactor) {
        this.passwords = passwords;
        this.twoFactor = twoFactor;
    }

    @Override
    public void addTo(SubMenu menu) {
        menu.addItem("Change password", click -> new ChangePasswordDialog(passwords).open());
        menu.addItem("Two-factor sign-in", click -> new TwoFactorDialog(twoFactor).open());
    }
}
