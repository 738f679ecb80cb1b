package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.Component;

/**
 * The keyboard a phone shows for a field ({@code inputmode}: {@code numeric}, {@code tel},
 * {@code email}). A Vaadin field keeps the attribute on its own element, where the browser does not
 * look: it must be on the {@code <input>} the field slots in, set again whenever the field is
 * attached (a page shown again builds a new input).
 */
public final class InputModes {

    private InputModes() {}

    public static void set(Component field, String mode) {
        field.getElement().setAttribute("inputmode", mode);
        field.addAttachListener(e -> field.getElement()
                .executeJs(
                        "const input = this.inputElement || this.querySelector('input');"
                                + " if (input) { input.setAttribute('inputmode', $0); }",
                        mode));
    }
}
