package org.homestretch.program;

import com.vaadin.flow.component.html.Div;
import org.homestretch.catalog.FigureHtml;
import com.vaadin.flow.component.UI;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The editor's cards carry each item's moving figure at the item's own hold. */
class MovingFigureEditorTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;

    @Test
    void each_card_carries_the_moving_figure_at_the_items_hold() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
        Patient patient = patients.create(new PatientDetails("Maria", "Moving", null, "", "", "en", null, ""));
        programs.publish(patient.id(), 0, List.of(
                programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                        .withDosage(new Dosage(1, 3, 3, Sides.EACH_SIDE, 1, 7)),
                programs.newItem(catalog.find("bridge").orElseThrow().id())
                        .withDosage(new Dosage(1, 10, 60, Sides.NONE, 1, 7))));

        UI.getCurrent().navigate("patients/" + patient.id().value() + "/program");
        ProgramEditorView editor = _get(ProgramEditorView.class);

        List<String> figures = editor.cards.stream()
                .map(card -> _find(card, Div.class).stream().map(FigureHtml::markup)
                        .filter(h -> h.contains("<svg")).findFirst().orElseThrow())
                .toList();
        assertThat(figures.get(0)).contains("aria-label=\"Knee to chest\"").contains("hs-figure-moving")
                .contains("dur=\"8s\"");
        assertThat(figures.get(1)).as("a minute's hold shows as 5 s").contains("aria-label=\"Bridge\"")
                .contains("dur=\"10s\"");
    }
}
