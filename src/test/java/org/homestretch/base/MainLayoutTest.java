package org.homestretch.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;

    @Test
    void signed_in_admin_sees_the_shell_with_clinic_name_menu_and_start_page() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);

        UI.getCurrent().navigate("");

        _assertOne(MainLayout.class);
        // The start page (the worklist, which base does not know) greets the admin by name.
        assertThat(_get(Span.class, spec -> spec.withClasses("hs-clinic-name")).getText()).isEqualTo(clinic.clinicName);
        assertThat(_get(H2.class).getText()).endsWith(", Ada");
        _assertOne(SideNavItem.class, spec -> spec.withPredicate(item -> "Home".equals(item.getLabel())));
        _assertOne(SideNavItem.class, spec -> spec.withPredicate(item -> "Settings".equals(item.getLabel())));
        assertThat(_get(Span.class, spec -> spec.withClasses("hs-view-title")).getText()).isEqualTo("Home");
    }
}
