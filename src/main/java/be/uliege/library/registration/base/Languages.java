package be.uliege.library.registration.base;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The languages of the screens, French first: it is the reference language, and the one a page
 * shows when the browser asks for none of them (or for nothing at all).
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    /** French, English, Dutch, German, in the order the language switcher shows them. */
    public static final List<Locale> SCREEN_LANGUAGES =
            List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("nl"), Locale.GERMAN);

    @Bean
    I18NProvider i18nProvider() {
        return new DefaultI18NProvider(SCREEN_LANGUAGES, Languages.class.getClassLoader());
    }
}
