package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.desk.AlumnusConversion;
import be.uliege.library.registration.patron.PatronRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one question before a former student's conversion into an alumnus (R-CNV-2, R-GRP-3): the
 * year of the last degree. A year the service refuses is said beside the field, which keeps what
 * was typed; an accepted one goes on to the take-over dialog.
 */
final class AlumnusYearDialog extends Dialog {

    private final TextField year = new TextField();

    private AlumnusYearDialog(Component owner, AlumnusConversion alumni, String identifier, Consumer<String> then) {
        setId("alumnus-year-dialog");
        setHeaderTitle(getTranslation("alumnus.title", identifier));
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 96vw)");
        var help = new Paragraph(getTranslation("alumnus.help"));
        help.setId("alumnus-help");
        year.setId("alumnus-year");
        year.setLabel(getTranslation("alumnus.year"));
        year.setHelperText(getTranslation("alumnus.year.help"));
        year.setRequiredIndicatorVisible(true);
        // Wide enough for the label and for the message that says how to write the year.
        year.setWidthFull();
        year.setAutofocus(true);
        var next = new Button(getTranslation("alumnus.continue"), e -> {
            try {
                alumni.year(year.getValue());
            } catch (PatronRuleException refused) {
                var violation = refused.violations().getFirst();
                year.setErrorMessage(
                        getTranslation(violation.messageKey(), violation.args().toArray()));
                year.setInvalid(true);
                return;
            } catch (AccessDeniedException refused) {
                close();
                DeskMessages.error(owner, getTranslation("validation.convert.manager-only"));
                return;
            }
            year.setInvalid(false);
            close();
            then.accept(year.getValue());
        });
        next.setId("alumnus-year-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickShortcut(Key.ENTER);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("alumnus-year-cancel");
        add(help, year);
        getFooter().add(cancel, next);
    }

    /** Asks the year; {@code then} gets it as typed, once the service accepts it. */
    static void open(Component owner, AlumnusConversion alumni, String identifier, Consumer<String> then) {
        new AlumnusYearDialog(owner, alumni, identifier, then).open();
    }
}
