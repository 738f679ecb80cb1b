package be.uliege.library.registration.preregistration.ui;

import be.uliege.library.registration.base.ui.LanguageSwitcher;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The page the confirmation mail links to (R-PRE-4). Opening the link does not confirm by itself
 * — mail scanners open links too — the person presses the button; the link then works once.
 */
@Route(value = "inscription/confirmation", autoLayout = false)
@AnonymousAllowed
public class ConfirmationView extends Main implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private final PreRegistrationService registrations;
    private @Nullable String token;
    private PreRegistrationService.@Nullable Confirmation result;
    /** The link was used before this visit: the page says so instead of offering the button. */
    private boolean already;

    ConfirmationView(PreRegistrationService registrations) {
        this.registrations = registrations;
        addClassName("public-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LanguageSwitcher.applyTo(event.getUI());
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null);
        result = registrations.confirmedAlready(token) ? PreRegistrationService.Confirmation.CONFIRMED : null;
        already = result != null;
        render();
    }

    private void render() {
        removeAll();
        add(new LanguageSwitcher(), new H1(getTranslation("public.confirmation.title")));
        if (result == null) {
            var confirm = new Button(getTranslation("public.confirmation.button"), e -> {
                result = registrations.confirm(token);
                render();
            });
            confirm.setId("confirm-email");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setDisableOnClick(true);
            add(new Paragraph(getTranslation("public.confirmation.intro")), confirm);
        } else {
            var message = new Paragraph(getTranslation("public.confirmation." + (already ? "ALREADY" : result.name())));
            message.setId("confirmation-result");
            message.getElement().setAttribute("role", "status");
            add(message);
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("public.confirmation.title") + " · ULiège Library";
    }
}
