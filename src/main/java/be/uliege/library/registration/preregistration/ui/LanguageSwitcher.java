package be.uliege.library.registration.preregistration.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.NativeButton;
import java.util.List;
import java.util.Locale;

/**
 * French, English, Dutch, German: the public pages start in the browser's language and can be
 * switched. The switch relabels the page in place (views implement {@code LocaleChangeObserver}),
 * so nothing typed is lost.
 */
class LanguageSwitcher extends Nav {

    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("nl"), Locale.GERMAN);

    LanguageSwitcher() {
        addClassName("language-switcher");
        for (var locale : LANGUAGES) {
            var button = new NativeButton(locale.getLanguage().toUpperCase(Locale.ROOT), e -> switchTo(locale));
            button.getElement().setAttribute("lang", locale.getLanguage());
            button.getElement().setAttribute("aria-label", locale.getDisplayLanguage(locale));
            add(button);
        }
        refresh(UI.getCurrent().getLocale());
    }

    private void switchTo(Locale locale) {
        var ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        refresh(locale);
    }

    /** Marks the current language and tells assistive technology which language the page is in. */
    void refresh(Locale locale) {
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

    /** The supported language closest to the browser's, French otherwise. */
    static Locale supported(Locale requested) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
                .orElse(Locale.FRENCH);
    }
}
