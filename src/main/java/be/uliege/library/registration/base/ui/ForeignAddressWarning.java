package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;

/**
 * R-CON-4 at the desk: a foreign address is accepted but discouraged, and staff see a warning as
 * soon as the country is not Belgium — on every desk form with an address (walk-in, validation,
 * a contact added or edited), not only in a pre-registration's flags. The warning is the field's
 * helper text, in the warning colour; it never blocks the save.
 */
public final class ForeignAddressWarning {

    private ForeignAddressWarning() {}

    /** Watches the country field; its own help comes back when the country is Belgium again. */
    public static void watch(TextField country) {
        var help = country.getHelperText();
        Runnable update = () -> {
            var value =
                    country.getValue() == null ? "" : country.getValue().strip().toUpperCase(Locale.ROOT);
            var foreign = !value.isEmpty() && !value.equals("BE");
            country.setHelperText(foreign ? country.getTranslation("rule.address.foreign") : help);
            if (foreign) {
                country.addClassName("foreign-address");
            } else {
                country.removeClassName("foreign-address");
            }
        };
        country.addValueChangeListener(e -> update.run());
        update.run();
    }
}
