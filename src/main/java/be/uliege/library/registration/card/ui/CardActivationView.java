package be.uliege.library.registration.card.ui;

import be.uliege.library.registration.base.ui.InputModes;
import be.uliege.library.registration.base.ui.LanguageSwitcher;
import be.uliege.library.registration.card.ActivationDelayedException;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.card.TooManyActivationAttemptsException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The public page where patrons activate their card (R-CARD-5) with the identifier and the
 * 4-digit code printed on it, in French, English, Dutch or German. What is typed stays in the
 * fields after a refusal; the answers are those of the API, neutral when the pair is wrong. After
 * too many wrong codes it says how long to wait, and until what time (the back-off of R-CARD-5).
 */
@Route(value = "carte", autoLayout = false)
@AnonymousAllowed
public class CardActivationView extends Main implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm");

    private final Cards cards;
    private final Clock clock;
    private final TextField identifier = new TextField();
    private final TextField code = new TextField();
    private final Button activate = new Button();
    private final Paragraph result = new Paragraph();

    CardActivationView(Cards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
        addClassName("public-page");
        identifier.setId("card-identifier");
        identifier.setMaxLength(16);
        identifier.setAutocomplete(Autocomplete.USERNAME);
        identifier.setRequiredIndicatorVisible(true);
        code.setId("card-code");
        code.setMaxLength(4);
        code.setAllowedCharPattern("[0-9]");
        code.setPattern("\\d{4}");
        InputModes.set(code, "numeric");
        code.setAutocomplete(Autocomplete.OFF);
        code.setRequiredIndicatorVisible(true);
        activate.setId("card-activate");
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClickShortcut(Key.ENTER);
        activate.addClickListener(e -> activate());
        result.setId("card-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LanguageSwitcher.applyTo(event.getUI());
        event.getLocation().getQueryParameters().getSingleParameter("id").ifPresent(identifier::setValue);
        render();
    }

    private void render() {
        removeAll();
        identifier.setLabel(getTranslation("card.page.identifier"));
        identifier.setHelperText(getTranslation("card.page.identifier.help"));
        code.setLabel(getTranslation("card.page.code"));
        code.setHelperText(getTranslation("card.page.code.help"));
        activate.setText(getTranslation("card.page.activate"));
        add(
                new LanguageSwitcher(),
                new H1(getTranslation("card.page.title")),
                new Paragraph(getTranslation("card.page.intro")),
                identifier,
                code,
                activate,
                result);
    }

    private void activate() {
        identifier.setInvalid(false);
        code.setInvalid(false);
        if (identifier.getValue().isBlank()) {
            identifier.setErrorMessage(getTranslation("rule.required"));
            identifier.setInvalid(true);
            identifier.focus();
            return;
        }
        if (!code.getValue().strip().matches("\\d{4}")) {
            code.setErrorMessage(getTranslation("card.page.code.format"));
            code.setInvalid(true);
            code.focus();
            return;
        }
        var request = VaadinRequest.getCurrent();
        try {
            var outcome = cards.activate(
                    identifier.getValue(), code.getValue(), request == null ? "unknown" : request.getRemoteAddr());
            show(
                    outcome == Cards.Outcome.ACTIVATED || outcome == Cards.Outcome.ALREADY_ACTIVE,
                    getTranslation("card.activation." + outcome.name()));
            if (outcome == Cards.Outcome.ACTIVATED || outcome == Cards.Outcome.ALREADY_ACTIVE) {
                code.clear();
            }
        } catch (ActivationDelayedException e) {
            long minutes = (e.retryAfterSeconds() + 59) / 60;
            var at = clock.instant().plusSeconds(e.retryAfterSeconds()).atZone(clock.getZone());
            show(false, getTranslation("card.activation.DELAYED.page", minutes, AT.format(at)));
        } catch (TooManyActivationAttemptsException e) {
            show(false, getTranslation("card.activation.TOO_MANY", e.retryAfterSeconds()));
        }
    }

    private void show(boolean success, String text) {
        result.setText(text);
        result.setClassName(success ? "success-text" : "error-text");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("card.page.title") + " · ULiège Library";
    }
}
