package org.homestretch.backup;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;

    @Test
    void an_admin_presses_back_up_now_and_sees_the_new_file_listed() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/backups");
        BackupView view = _get(BackupView.class);
        int before = _size(view.files);

        _click(view.backUpNow);

        assertThat(view.error.isVisible()).isFalse();
        assertThat(_size(view.files)).isEqualTo(before + 1);
        String newest = view.files.getListDataView().getItem(0).name();
        assertThat(Files.isRegularFile(Path.of("target/test-backups", newest))).isTrue();
        assertThat(view.backUpNow.isEnabled()).isTrue();
    }

    @Test
    void a_therapist_cannot_open_backups() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        assertThatThrownBy(() -> UI.getCurrent().navigate("settings/backups"))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
