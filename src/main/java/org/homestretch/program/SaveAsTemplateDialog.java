package org.homestretch.program;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;

/** The program editor's "Save as template": a name, and whether only the author or the whole clinic may use it. */
final class SaveAsTemplateDialog extends Dialog {

    SaveAsTemplateDialog(ProgramService programs, List<ProgramItem> items, Runnable onSaved) {
        setHeaderTitle("Save as template");
        TextField name = new TextField("Template name");
        name.setWidthFull();
        RadioButtonGroup<Template.Scope> scope = new RadioButtonGroup<>("Who can use it");
        scope.setItems(Template.Scope.PERSONAL, Template.Scope.CLINIC);
        scope.setItemLabelGenerator(s -> s == Template.Scope.PERSONAL ? "Only me" : "Everyone in the clinic");
        scope.setValue(Template.Scope.PERSONAL);
        add(name, scope);
        Button ok = new Button("Save template", c -> {
            try {
                programs.saveAsTemplate(name.getValue(), scope.getValue(), items);
                close();
                onSaved.run();
                Notification.show("Template saved.", 3000, Notification.Position.BOTTOM_START);
            } catch (ProgramException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", c -> close()), ok);
    }
}
