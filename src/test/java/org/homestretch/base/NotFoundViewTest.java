package org.homestretch.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class NotFoundViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;

    @Test
    void a_signed_in_user_gets_a_titled_page_inside_the_shell_and_can_navigate_on() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);

        // A record that is not there (or is another clinic's): the page a signed-in user meets most.
        UI.getCurrent().navigate("patients/00000000-0000-0000-0000-000000000000/adherence");

        _assertOne(NotFoundView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Page not found \u00b7 HomeStretch");
        _assertOne(MainLayout.class);
        _assertOne(SideNavItem.class, spec -> spec.withPredicate(item -> "Patients".equals(item.getLabel())));
        assertThat(_get(Span.class, spec -> spec.withClasses("hs-clinic-name")).getText()).isEqualTo(clinic.clinicName);
        assertThat(_get(Span.class, spec -> spec.withClasses("hs-view-title")).getText()).isEqualTo("Page not found");
    }

    @Test
    void an_anonymous_visitor_sees_no_shell() {
        UI.getCurrent().navigate("patients/00000000-0000-0000-0000-000000000000/adherence");

        _assertNone(MainLayout.class);
        _assertNone(SideNavItem.class);
    }
}
