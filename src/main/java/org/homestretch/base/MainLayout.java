package org.homestretch.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame around every signed-in page: side navigation built from the views' own
 * {@code @Menu} entries (only those the user may open) with features' {@link MenuCount}s, the
 * clinic's name, and a user menu.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final Span viewTitle = new Span();
    private final Span toggleCount = new Span();
    private final Map<String, SideNavItem> itemsByPath = new HashMap<>();
    private final List<MenuCount> counts;
    private Registration countsChanged;

    MainLayout(ShellIdentity identity, AuthenticationContext authentication, ObjectProvider<UserMenuItems> menuItems,
               ObjectProvider<MenuCount> counts) {
        this.counts = counts.orderedStream().toList();
        setPrimarySection(Section.DRAWER);
        ShellIdentity.Header header = identity.current().orElse(ShellIdentity.Header.NONE);

        Div brand = new Div(new Span("HomeStretch"));
        brand.addClassName("hs-brand");
        Scroller navigation = new Scroller(sideNav());
        addToDrawer(brand, navigation);

        viewTitle.addClassName("hs-view-title");
        Span clinicName = new Span(header.clinicName());
        clinicName.addClassName("hs-clinic-name");
        Div spacer = new Div();
        spacer.addClassName("hs-spacer");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the menu");
        // On a phone or at high zoom the drawer is closed: the counts show beside its toggle too.
        toggleCount.addClassNames("hs-nav-count", "hs-toggle-count");
        toggleCount.setVisible(false);
        addToNavbar(toggle, toggleCount, viewTitle, spacer, clinicName, userMenu(header, authentication, menuItems));
        // Once per attach: the listener goes with the UI it was added to.
        addAttachListener(attach -> countsChanged = ComponentUtil.addListener(attach.getUI(), MenuCount.Changed.class,
                changed -> showCounts()));
        addDetachListener(detach -> countsChanged.remove());
    }

    private SideNav sideNav() {
        SideNav nav = new SideNav();
        nav.addClassName("hs-side-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        itemsByPath.put(normalised(entry.path()), item);
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private static Component userMenu(ShellIdentity.Header header, AuthenticationContext authentication,
                                      ObjectProvider<UserMenuItems> menuItems) {
        Avatar avatar = new Avatar(header.userName());
        avatar.addClassName("hs-avatar");
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("hs-user-menu");
        MenuItem root = menu.addItem(avatar);
        root.setAriaLabel("User menu");
        SubMenu sub = root.getSubMenu();
        MenuItem who = sub.addItem(header.userName() + " · " + header.roleLabel());
        who.setEnabled(false);
        menuItems.orderedStream().forEach(items -> items.addTo(sub));
        sub.addItem("Log out", click -> authentication.logout());
        return menu;
    }

    /** Each feature's number beside its entry; nothing when it is 0 or cannot be read just now. */
    void showCounts() {
        int total = 0;
        List<String> described = new java.util.ArrayList<>();
        for (MenuCount count : counts) {
            SideNavItem item = itemsByPath.get(normalised(count.path()));
            if (item == null) {
                continue; // the user may not open that page
            }
            int value;
            try {
                value = count.count();
            } catch (RuntimeException e) {
                // The page itself reports a database problem; the shell just leaves the number out.
                log.warn("Could not read a menu count ({})", e.getClass().getSimpleName());
                value = 0;
            }
            if (value <= 0) {
                item.setSuffixComponent(null);
                continue;
            }
            total += value;
            described.add(count.describe(value));
            Span badge = new Span(String.valueOf(value));
            badge.addClassName("hs-nav-count");
            badge.getElement().setAttribute("title", count.describe(value));
            badge.getElement().setAttribute("aria-label", count.describe(value));
            item.setSuffixComponent(badge);
        }
        toggleCount.setVisible(total > 0);
        toggleCount.setText(String.valueOf(total));
        toggleCount.getElement().setAttribute("title", String.join(", ", described));
        toggleCount.getElement().setAttribute("aria-label", String.join(", ", described));
    }

    private static String normalised(String path) {
        String p = path == null ? "" : path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showCounts();
        String title = MenuConfiguration.getPageHeader(getContent()).orElse("");
        // The browser tab may say "… · HomeStretch"; beside the brand in the drawer, that is said already.
        viewTitle.setText(title.replaceFirst(" \u00b7 HomeStretch$", ""));
    }
}
