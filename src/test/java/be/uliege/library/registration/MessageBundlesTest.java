package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
    @ValueSource(
            strings = {
                "translations.properties",
                "translations_en.properties",
                "translations_nl.properties",
                "translations_de.properties"
            })
    void noMessageHasAnApostropheThatMessageFormatWouldEat(String bundle) throws IOException {
        var messages = load(bundle);
        for (var key : messages.stringPropertyNames()) {
            assertThat(messages.getProperty(key)).as(bundle + " " + key).doesNotContain("'");
        }
    }

    /** A key written out in the code: {@code getTranslation("a.key")}, {@code message("a.key", …)}. */
    static final Pattern LITERAL_KEY =
            Pattern.compile("\\b(?:getTranslation|translate|message|getMessage)\\(\\s*\"([a-z][\\w.\\-]*)\"\\s*[,)]");
    /** A rule's message, named by its code: {@code Violation.of("field", "code", …)} reads {@code rule.code}. */
    static final Pattern VIOLATION_CODE = Pattern.compile("\\bViolation\\.of\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"");

    /** Every key that the code names in full, with the file that names it. */
    static Map<String, Path> keysNamedInTheCode() throws IOException {
        var keys = new TreeMap<String, Path>();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var code = Files.readString(file, StandardCharsets.UTF_8);
                var literal = LITERAL_KEY.matcher(code);
                while (literal.find()) {
                    keys.putIfAbsent(literal.group(1), file);
                }
                var violation = VIOLATION_CODE.matcher(code);
                while (violation.find()) {
                    keys.putIfAbsent("rule." + violation.group(1), file);
                }
            }
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "translations.properties",
                "translations_en.properties",
                "translations_nl.properties",
                "translations_de.properties"
            })
    void everyKeyTheCodeNamesIsInEachLanguage(String bundle) throws IOException {
        var keys = keysNamedInTheCode();
        assertThat(keys).as("the scan finds the keys").hasSizeGreaterThan(200).containsKey("search.title");
        var messages = load(bundle).stringPropertyNames();
        var missing = keys.entrySet().stream()
                .filter(e -> !messages.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue().getFileName() + ")")
                .toList();
        assertThat(missing)
                .as("keys named in the code but missing from " + bundle)
                .isEmpty();
    }

    @Test
    void everySuspiciousDataReasonIsExplainedInTheReference() throws IOException {
        var reference = load("translations.properties");
        for (var reason : SuspiciousData.Reason.values()) {
            assertThat(reference.getProperty(reason.key())).as(reason.name()).isNotBlank();
        }
    }
}
