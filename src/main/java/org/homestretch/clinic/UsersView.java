package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRoles;
import org.homestretch.security.AccountService;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.PasswordService;
import org.homestretch.security.Role;
import org.homestretch.security.TwoFactorService;
import org.homestretch.security.UserAccount;

/** Settings → Users: the admin's list of the clinic's accounts. */
@Route("settings/users")
@PageTitle("Settings · Users")
@Menu(order = 90, title = "Settings", icon = "vaadin:cog")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends Main {

    private final AccountService accounts;
    final Grid<UserAccount> grid = new Grid<>();
    final Button add = new Button("Add user", VaadinIcon.PLUS.create());

    UsersView(AccountService accounts, CurrentUser currentUser, AccountRoles roles, SignInLockColumn signInLocks,
              PasswordService passwords, TwoFactorService twoFactor, ClinicService clinics) {
        this.accounts = accounts;
        addClassName("hs-page");

        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(click -> new AddUserDialog(accounts, this::refresh).open());
        HorizontalLayout toolbar = new HorizontalLayout(add);
        toolbar.addClassName("hs-toolbar");

        grid.addColumn(UserAccount::displayName).setKey("name").setHeader("Name").setFlexGrow(2);
        grid.addColumn(UserAccount::email).setKey("email").setHeader("Email").setFlexGrow(3);
        grid.addColumn(user -> user.role().label()).setKey("role").setHeader("Role").setFlexGrow(1);
        grid.addComponentColumn(user -> user.id().equals(currentUser.require().userId())
                ? new Span() : ChangeRoleDialog.opener(user, roles, this::refresh)).setKey("changeRole").setHeader("");
        grid.addComponentColumn(UsersView::status).setKey("status").setHeader("Status").setFlexGrow(1);
        signInLocks.addTo(grid, this::refresh);
        grid.addComponentColumn(user -> user.id().equals(currentUser.require().userId())
                ? new Span("You") : toggleButton(user)).setKey("action").setHeader("").setFlexGrow(1);
        grid.addComponentColumn(user -> ResetLinkDialog.button(passwords, twoFactor, clinics, user,
                        currentUser.require().userId()))
                .setKey("password").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> accounts.users(query.getOffset(), query.getLimit()).stream(),
                query -> accounts.countUsers());
        grid.setAllRowsVisible(false);
        grid.addClassName("hs-grid");
        add(toolbar, grid);
    }

    private static Span status(UserAccount user) {
        Span badge = new Span(user.enabled() ? "Active" : "Disabled");
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge contrast");
        return badge;
    }

    private Button toggleButton(UserAccount user) {
        Button button = new Button(user.enabled() ? "Disable" : "Enable");
        button.addThemeVariants(ButtonVariant.SMALL, user.enabled() ? ButtonVariant.ERROR : ButtonVariant.TERTIARY);
        button.setAriaLabel((user.enabled() ? "Disable " : "Enable ") + user.displayName());
        button.addClickListener(click -> {
            try {
                accounts.setEnabled(user.id(), !user.enabled());
                Notification.show(user.displayName() + (user.enabled() ? " can no longer sign in." : " can sign in again."),
                        4000, Notification.Position.BOTTOM_START);
                refresh();
            } catch (AccountException e) {
                Notification notification = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return button;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
