package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.directory.PatronAccounts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;

/**
 * The patron's login and password, shown once and printable (R-DESK-4, R-DESK-8): after the
 * registration step and after a new password. Closing it is the operator saying it was handed over;
 * the password is not kept anywhere.
 */
final class PasswordSlip extends Dialog {

    PasswordSlip(PatronAccounts.IssuedPassword account) {
        setHeaderTitle(getTranslation("registration.password.title"));
        setCloseOnOutsideClick(false);
        var slip = new Div();
        slip.setId("password-slip");
        slip.addClassName("password-slip");
        var login = new Pre(getTranslation("registration.password.login") + "  " + account.login());
        login.setId("slip-login");
        var password = new Pre(getTranslation("registration.password.password") + "  " + account.password());
        password.setId("slip-password");
        password.getStyle().set("font-size", "1.4em");
        slip.add(
                new Paragraph(getTranslation("app.name")),
                login,
                password,
                new Paragraph(getTranslation("registration.password.advice")));
        add(slip, new Paragraph(getTranslation("registration.password.once")));
        var print = new Button(
                getTranslation("registration.password.print"), e -> getElement().executeJs("window.print()"));
        print.setId("slip-print");
        var done = new Button(getTranslation("registration.password.handed"), e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("slip-done");
        getFooter().add(print, done);
    }
}
