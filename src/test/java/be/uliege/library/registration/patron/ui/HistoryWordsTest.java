package be.uliege.library.registration.patron.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-REC-6: every field that the code writes into a patron's history — the record's own fields
 * (its snapshot), the lines written beside it ({@code record(…)}) and the steps of the other
 * features ({@code recordStep(…)}) — is named in words in each language, found by reading the code,
 * so that a new field without words fails here rather than on the desk's screen.
 */
class HistoryWordsTest {

    private static final Pattern SNAPSHOT_FIELD = Pattern.compile("\\bs\\.put\\(\"([A-Za-z]+)\"");
    private static final Pattern RECORDED_FIELD = Pattern.compile("\\brecord\\([^;]*?Map\\.of\\(\"([A-Za-z]+)\"");
    private static final Pattern STEP = Pattern.compile("\\brecordStep\\([^,;]+,\\s*\"([A-Za-z]+)\"");

    static TreeSet<String> fieldsWrittenByTheCode() throws IOException {
        var fields = new TreeSet<String>();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var code = Files.readString(file, StandardCharsets.UTF_8);
                for (var pattern : file.getFileName().toString().equals("Patron.java")
                        ? new Pattern[] {SNAPSHOT_FIELD}
                        : new Pattern[] {RECORDED_FIELD, STEP}) {
                    var matcher = pattern.matcher(code);
                    while (matcher.find()) {
                        fields.add(matcher.group(1));
                    }
                }
            }
        }
        return fields;
    }

    static HistoryWords wordsOf(String bundle) throws IOException {
        var messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("i18n", bundle), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        // As Vaadin's provider answers: the message, or "!fr: key" when the bundle lacks it.
        return new HistoryWords((key, arguments) -> messages.getProperty(key, "!fr: " + key));
    }

    static HistoryLine line(String field, String value) {
        return new HistoryLine(Instant.EPOCH, "operator", field, null, value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "translations.properties",
                "translations_en.properties",
                "translations_nl.properties",
                "translations_de.properties"
            })
    void everyFieldTheCodeWritesIsNamedInWords(String bundle) throws IOException {
        var fields = fieldsWrittenByTheCode();
        assertThat(fields)
                .as("the scan finds the fields")
                .contains("firstName", "status", "identityCheck", "fee", "registration", "welcomeMail", "card");
        var words = wordsOf(bundle);
        for (var field : fields) {
            assertThat(words.field(line(field, "x")))
                    .as(bundle + " " + field)
                    .isNotEqualTo(field)
                    .doesNotStartWith("!");
        }
        for (var kind : ContactKind.values()) {
            var field = "contact." + kind.name().toLowerCase(Locale.ROOT) + ".44";
            for (var usage : ContactUsage.values()) {
                var named = words.field(line(field, "LOCAL " + usage.name() + " preferred 32475123456"));
                assertThat(named)
                        .as(bundle + " " + kind + " " + usage)
                        .isNotEqualTo(field)
                        .doesNotStartWith("!");
            }
            assertThat(words.field(line(field, null)))
                    .as(bundle + " " + kind + " without value")
                    .isNotEqualTo(field);
        }
        for (var type : IdentifierType.values()) {
            var field = "identifier." + type.name().toLowerCase(Locale.ROOT) + ".S123456";
            assertThat(words.field(line(field, "S123456")))
                    .as(bundle + " " + type)
                    .isNotEqualTo(field)
                    .doesNotStartWith("!");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_en.properties"})
    void aContactsValueLosesItsCodes_andANewFieldIsShownAsItIs(String bundle) throws IOException {
        var words = wordsOf(bundle);
        var phone = line("contact.phone.44", "EXTERNAL MOBILE preferred +32 475 12 34 56");
        assertThat(words.value(phone, phone.newValue()))
                .startsWith("+32 475 12 34 56 · ")
                .doesNotContain("MOBILE")
                .doesNotContain("EXTERNAL");
        assertThat(words.value(line("status", "null"), "null")).isEmpty();
        assertThat(words.field(line("somethingNew", "x"))).isEqualTo("somethingNew");
    }
}
