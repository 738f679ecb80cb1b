package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Staff sign in with their university directory account (R-DESK-1). After too many failures the
 * page says from when to try again ({@code ?error&retry=}, set by the security configuration).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthenticationContext authenticationContext;
    private final Clock clock;
    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(AuthenticationContext authenticationContext, Clock clock) {
        this.authenticationContext = authenticationContext;
        this.clock = clock;
        addClassName("login-view");
        var form = new LoginI18n.Form();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        i18n.setForm(form);
        var error = new LoginI18n.ErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        i18n.setErrorMessage(error);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.hint")), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters();
        var error = i18n.getErrorMessage();
        var retry = parameters.getSingleParameter("retry").flatMap(LoginView::instant);
        if (retry.isPresent()) {
            // Too many attempts for this uid or from here: the same words whether the uid exists or not.
            error.setTitle(getTranslation("login.throttled.title"));
            error.setMessage(getTranslation(
                    "login.throttled.message",
                    DateTimeFormatter.ofPattern("HH:mm:ss").format(retry.get().atZone(clock.getZone()))));
        } else {
            error.setTitle(getTranslation("login.error.title"));
            error.setMessage(getTranslation("login.error.message"));
        }
        login.setI18n(i18n);
        login.setError(parameters.getParameters().containsKey("error"));
    }

    private static Optional<Instant> instant(String epochSeconds) {
        if (!epochSeconds.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(epochSeconds)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
