package org.homestretch.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.homestretch.clinic.ClinicService;
import org.homestretch.security.Role;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Settings → Backups: where backups go, the ones there now, and "Back up now". */
@Route("settings/backups")
@PageTitle("Settings · Backups")
@Menu(order = 91, title = "Backups", icon = "vaadin:archive")
@RolesAllowed(Role.ADMIN_NAME)
public class BackupView extends Main {

    final Button backUpNow = new Button("Back up now");
    final Div error = new Div();
    final Grid<BackupFile> files = new Grid<>();

    BackupView(Backups backups, ClinicService clinics) {
        addClassName("hs-page");
        ZoneId zone = clinics.current().timeZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH).withZone(zone);
        files.addClassName("hs-grid");
        files.addColumn(f -> when.format(f.made())).setHeader("Made").setAutoWidth(true);
        files.addColumn(f -> f.nightly() ? "Nightly" : "Back up now").setHeader("How").setAutoWidth(true);
        files.addColumn(f -> size(f.bytes())).setHeader("Size").setAutoWidth(true);
        files.addColumn(BackupFile::name).setHeader("File").setFlexGrow(1);
        files.setAllRowsVisible(true);
        error.addClassName("hs-form-error");
        error.setVisible(false);
        backUpNow.addThemeVariants(ButtonVariant.PRIMARY);
        backUpNow.setDisableOnClick(true);
        backUpNow.addClickListener(click -> {
            error.setVisible(false);
            try {
                BackupFile made = backups.backUpNow();
                Notification.show("Backup made: " + made.name(), 5000, Notification.Position.BOTTOM_START);
            } catch (BackupException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            } finally {
                backUpNow.setEnabled(true);
                files.setItems(backups.list());
            }
        });
        add(new Paragraph("Every night HomeStretch saves a copy of all its data, including the key behind "
                        + "patients' links and codes, as one file in " + backups.folder() + " on the server. The newest "
                        + backups.keep() + " nightly copies are kept. Copy these files to another place regularly "
                        + "(for example an encrypted USB drive kept off site): a copy on the same disk is lost with it."),
                new Paragraph("How to restore a copy is described in docs/OPERATIONS.md."),
                backUpNow, error, files);
        files.setItems(backups.list());
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
