package org.homestretch.program;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.homestretch.clinic.Clinic;
import org.homestretch.patient.PatientId;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The editor's side of {@link ProgramDrafts}: keeps every unsaved change, and when the editor
 * opens with edits kept from before (a logoff, a closed tab), offers them back. While the offer
 * is open the kept edits are left alone, so that loading the saved program does not erase them.
 */
final class DraftKeeper {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ProgramDrafts drafts;
    private Optional<ProgramDrafts.Kept> pending = Optional.empty();
    ConfirmDialog offer;

    DraftKeeper(ProgramDrafts drafts) {
        this.drafts = drafts;
    }

    /** Before the saved program is loaded: remembers edits kept from before. */
    void opening(PatientId patient) {
        pending = drafts.find(patient);
    }

    /**
     * After the saved program is loaded: offers kept edits that differ from it. Restoring hands
     * back the version they were made on, so that saving over a newer version shows the conflict.
     */
    void offer(PatientId patient, List<ProgramItem> saved, int version, Clinic clinic,
               BiConsumer<Integer, List<ProgramItem>> restore) {
        Optional<ProgramDrafts.Kept> kept = pending.filter(k -> !k.items().equals(saved));
        if (kept.isEmpty()) {
            pending = Optional.empty();
            return;
        }
        ZonedDateTime when = kept.get().savedAt().atZone(clinic.timeZone());
        String text = "You changed this program on " + clinic.dateStyle().mediumDate(when.toLocalDate()) + " at "
                + TIME.format(when) + " but did not save it (" + kept.get().items().size()
                + (kept.get().items().size() == 1 ? " exercise)." : " exercises).")
                + (kept.get().baseVersion() == version ? ""
                : " Someone has saved a newer version since: saving will show you both.");
        offer = new ConfirmDialog("Get your unsaved changes back?", text, "Restore my changes", e -> {
            pending = Optional.empty();
            restore.accept(kept.get().baseVersion(), kept.get().items());
        });
        offer.setRejectable(true);
        offer.setRejectText("Discard them");
        offer.addRejectListener(e -> discarded(patient));
        offer.setCloseOnEsc(false);
        offer.open();
    }

    /** After every change in the editor. */
    void changed(PatientId patient, int version, List<ProgramItem> draft, boolean unsaved) {
        if (pending.isPresent()) {
            return;
        }
        if (unsaved) {
            drafts.keep(patient, version, List.copyOf(draft));
        } else {
            drafts.forget(patient);
        }
    }

    /** The user chose to throw their edits away. */
    void discarded(PatientId patient) {
        pending = Optional.empty();
        drafts.forget(patient);
    }
}
