package org.homestretch.patient;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.DateStyle;
import org.homestretch.security.AccountService;

/** The patient list: search by name, my patients or the whole clinic, loaded a page at a time. */
@Route("patients")
@PageTitle("Patients")
@Menu(order = 5, title = "Patients", icon = "vaadin:users")
@PermitAll
public class PatientsView extends Main {

    static final String MINE = "My patients";
    static final String ALL = "All clinic";

    private final PatientService patients;

    final TextField search = new TextField();
    final RadioButtonGroup<String> whose = new RadioButtonGroup<>();
    final Checkbox archived = new Checkbox("Show archived");
    final Grid<Patient> grid = new Grid<>();
    final Span resultCount = new Span();
    final Button add = new Button("New patient", VaadinIcon.PLUS.create());

    PatientsView(PatientService patients, AccountService accounts, ClinicService clinics) {
        this.patients = patients;
        addClassNames("hs-page", "hs-patients");

        search.setPlaceholder("Search by name");
        search.setAriaLabel("Search patients by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(200);
        search.addClassName("hs-search");
        whose.setItems(MINE, ALL);
        whose.setValue(MINE);
        whose.setAriaLabel("Whose patients");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(click -> new PatientDialog(patients, accounts, clinics, null,
                saved -> getUI().ifPresent(ui -> ui.navigate(PatientView.class, saved.id().value().toString()))).open());

        FlexLayout top = new FlexLayout(search, add);
        top.addClassName("hs-catalog-top");
        FlexLayout filters = new FlexLayout(whose, archived);
        filters.addClassName("hs-filters");

        grid.addColumn(p -> p.details().lastName() + ", " + p.details().firstName()).setKey("name")
                .setHeader("Name").setFlexGrow(3);
        DateStyle dates = clinics.current().dateStyle();
        grid.addColumn(p -> p.details().dateOfBirth() == null ? "" : dates.mediumDate(p.details().dateOfBirth()))
                .setKey("dob").setHeader("Date of birth").setFlexGrow(1);
        grid.addColumn(p -> p.therapistName() == null ? "Not assigned" : p.therapistName()).setKey("therapist")
                .setHeader("Therapist").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("hs-catalog-grid");
        grid.addItemClickListener(click ->
                getUI().ifPresent(ui -> ui.navigate(PatientView.class, click.getItem().id().value().toString())));
        grid.setItems(q -> patients.search(query(), q.getOffset(), q.getLimit()).stream(), q -> {
            int count = patients.count(query());
            resultCount.setText(count == 1 ? "1 patient" : count + " patients");
            return count;
        });
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        whose.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        archived.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        resultCount.addClassName("hs-result-count");
        add(top, filters, resultCount, grid);
    }

    PatientQuery query() {
        return new PatientQuery(search.getValue(), MINE.equals(whose.getValue()), archived.getValue());
    }
}
