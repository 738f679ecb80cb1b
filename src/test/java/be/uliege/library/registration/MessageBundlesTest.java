package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /**
     * A key the code asks for by its whole name exists in the reference (and so, by the test above,
     * in every language): a missing one shows as {@code !fr: key} on the screen.
     */
    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        var reference = load("translations.properties").stringPropertyNames();
        var literal = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"\\s*[,)]");
        var missing = new TreeSet<String>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (var source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!reference.contains(matcher.group(1))) {
                        missing.add(matcher.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySuspiciousDataReasonIsExplainedInTheReference() throws IOException {
        var reference = load("translations.properties");
        for (var reason : be.uliege.library.registration.patron.SuspiciousData.Reason.values()) {
            assertThat(reference.getProperty(reason.key())).as(reason.name()).isNotBlank();
        }
    }
}
