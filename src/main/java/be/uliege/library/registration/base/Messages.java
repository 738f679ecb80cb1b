package be.uliege.library.registration.base;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The message bundles of {@code i18n/} for code that runs without a screen or a Spring context
 * (documents rendered to PDF): the same texts, the same {@code {0}} placeholders as the screens
 * ({@code getTranslation}) and the mails ({@code MessageSource}), checked by the bundle test.
 */
public final class Messages {

    private static final String BUNDLES = "vaadin-i18n/translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /**
     * The text of a key in a language (French, the reference, when the language has no bundle),
     * its placeholders filled as {@link MessageFormat} does when there are arguments.
     */
    public static String text(Locale language, String key, Object... arguments) {
        var pattern = ResourceBundle.getBundle(BUNDLES, language, NO_FALLBACK).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }
}
