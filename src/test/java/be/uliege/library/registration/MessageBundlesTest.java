package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every screen and mail speaks French, English, Dutch and German: each bundle has exactly the keys
 * of the French reference, and no message breaks when its arguments are filled in.
 */
class MessageBundlesTest {

    static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("i18n", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"translations_en.properties", "translations_nl.properties", "translations_de.properties"})
    void eachLanguageHasEveryKeyOfTheFrenchReference(String bundle) throws IOException {
        var reference = load("translations.properties").stringPropertyNames();
        var translated = load(bundle).stringPropertyNames();
        assertThat(translated).containsExactlyInAnyOrderElementsOf(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_en.properties", "translations_nl.properties",
            "translations_de.properties"})
    void noMessageHasAnApostropheThatMessageFormatWouldEat(String bundle) throws IOException {
        var messages = load(bundle);
        for (var key : messages.stringPropertyNames()) {
            assertThat(messages.getProperty(key)).as(bundle + " " + key).doesNotContain("'");
        }
    }

    @org.junit.jupiter.api.Test
    void everySuspiciousDataReasonIsExplainedInTheReference() throws IOException {
        var reference = load("translations.properties");
        for (var reason : be.uliege.library.registration.patron.SuspiciousData.Reason.values()) {
            assertThat(reference.getProperty(reason.key())).as(reason.name()).isNotBlank();
        }
    }
}
