package be.uliege.library.registration.base.ui;

import static be.uliege.library.registration.base.Languages.SCREEN_LANGUAGES;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * French, English, Dutch, German: the public pages start in the browser's language and can be
 * switched. The switch relabels the page in place (views implement {@code LocaleChangeObserver}),
 * so nothing typed is lost.
 */
public class LanguageSwitcher extends Nav implements LocaleChangeObserver {

    public LanguageSwitcher() {
        addClassName("language-switcher");
        for (var locale : SCREEN_LANGUAGES) {
            var button = new NativeButton(locale.getLanguage().toUpperCase(Locale.ROOT), e -> switchTo(locale));
            button.getElement().setAttribute("lang", locale.getLanguage());
            button.getElement().setAttribute("aria-label", locale.getDisplayLanguage(locale));
            add(button);
        }
    }

    /** On attach and on every change of language, however it was changed. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        refresh(event.getLocale());
    }

    private void switchTo(Locale locale) {
        var ui = UI.getCurrent();
        ui.getSession().setAttribute(CHOSEN, locale);
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
    }

    /** Marks the current language and tells assistive technology which language the page is in. */
    private void refresh(Locale locale) {
        getElement().setAttribute("aria-label", getTranslation(locale, "public.language"));
        getChildren().forEach(c -> {
            if (c.getElement().getAttribute("lang").equals(locale.getLanguage())) {
                c.getElement().setAttribute("aria-current", "true");
            } else {
                c.getElement().removeAttribute("aria-current");
            }
        });
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }

    /** The session attribute holding the language the person chose with the switch. */
    private static final String CHOSEN = LanguageSwitcher.class.getName() + ".chosen";

    /**
     * Sets the page's language as the visit is opened: the one the person chose with the switch,
     * else the first of ours among the browser's preferences (in their order of preference), else
     * French — also when the browser states no preference at all.
     */
    public static void applyTo(UI ui) {
        var chosen = ui.getSession().getAttribute(CHOSEN);
        var request = VaadinRequest.getCurrent();
        var locale = chosen instanceof Locale l
                ? l
                : fromBrowser(request == null ? null : request.getHeader("Accept-Language"));
        if (!locale.equals(ui.getLocale())) {
            ui.setLocale(locale);
        }
    }

    /** The first of our languages in an Accept-Language header, French when none (or no header). */
    static Locale fromBrowser(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Locale.FRENCH;
        }
        try {
            for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                var language = range.getRange().split("-")[0];
                for (var ours : SCREEN_LANGUAGES) {
                    if (ours.getLanguage().equals(language)) {
                        return ours;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header nobody can read asks for nothing
        }
        return Locale.FRENCH;
    }
}
