package be.uliege.library.registration.patron.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.TestSettings;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimaryIdentifierTest {

    private final PatronSettings settings = TestSettings.uliege();

    private static String code(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidValueException e) {
            return e.code();
        }
        throw new AssertionError("expected the identifier to be refused");
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            U012345   | U012345  | U
            S201234   | S201234  | S
            C100200   | C100200  | C
            B100001   | B100001  | B
            B950000   | B950000  | B
            BX100004  | BX100004 | BX
            u012345   | U012345  | U
            bx100004  | BX100004 | BX
            bX100004  | BX100004 | BX
            '  s201234  ' | S201234 | S
            """)
    @DisplayName("R-ID-1: a letter (U/S/C/B) or BX then six digits names the kind; lower case is upper-cased")
    void acceptsEachKind(String raw, String value, PatronKind kind) {
        var id = PrimaryIdentifier.parse(raw, settings);

        assertThat(id.value()).isEqualTo(value);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id).hasToString(value);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "U12345",
                "U1234567",
                "B95123",
                "BX12345",
                "BX1234567",
                "B",
                "BX",
                "U",
                "UU123456",
                "B12345X",
                "S-201234",
                "S 201234",
                "B1000O1",
                "U١٢٣٤٥٦",
                "U１２３４５６",
                "BXX123456"
            })
    @DisplayName("R-ID-2: a known prefix with the wrong length or characters is refused with the expected format")
    void wrongFormat(String raw) {
        assertThatThrownBy(() -> PrimaryIdentifier.parse(raw, settings))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("identifier.format");
                    assertThat(e.args()).hasSize(1);
                });
    }

    @Test
    @DisplayName("R-ID-2: the format message gives an example of the kind typed (B123456, BX123456)")
    void formatMessageNamesTheKind() {
        assertThatThrownBy(() -> PrimaryIdentifier.parse("BX12", settings))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.args()).containsExactly("BX123456"));
        assertThatThrownBy(() -> PrimaryIdentifier.parse("B12", settings))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.args()).containsExactly("B123456"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"X123456", "A123456", "123456", "P001234", "Ｕ123456", "-U123456", "ZB100001"})
    @DisplayName("R-ID-1: an identifier that does not start with U, S, C, B or BX is refused")
    void unknownPrefix(String raw) {
        assertThat(code(() -> PrimaryIdentifier.parse(raw, settings))).isEqualTo("identifier.unknown-prefix");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "   ", "\t", "\u2003"})
    @DisplayName("R-ID-1: an empty or blank identifier is required")
    void blank(String raw) {
        assertThat(code(() -> PrimaryIdentifier.parse(raw, settings))).isEqualTo("identifier.required");
    }

    @Test
    @DisplayName("R-ID-1: a null identifier is required, not a crash")
    void nullIdentifier() {
        assertThat(code(() -> PrimaryIdentifier.parse(null, settings))).isEqualTo("identifier.required");
    }

    @Test
    @DisplayName("R-ID-2: a 10,000-character identifier is refused quickly")
    void hugeInput() {
        var huge = "B" + "1".repeat(9_999);
        assertThat(code(() -> PrimaryIdentifier.parse(huge, settings))).isEqualTo("identifier.format");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "000A", "0009", "200B", "202E", "2066", "FEFF", "00AD"})
    @DisplayName("R-ID-2: control and invisible characters inside an identifier are refused")
    void controlCharacters(String hex) {
        var c = Character.toString(Integer.parseInt(hex, 16));
        assertThat(code(() -> PrimaryIdentifier.parse("B100" + c + "001", settings)))
                .isEqualTo("identifier.format");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "200B", "202E", "2066", "FEFF"})
    @DisplayName("R-ID-2: an invisible character before or after a valid identifier is not trimmed away silently")
    void invisibleAtTheEdges(String hex) {
        var c = Character.toString(Integer.parseInt(hex, 16));
        assertThat(code(() -> PrimaryIdentifier.parse(c + "B100001", settings))).isEqualTo("identifier.format");
        assertThat(code(() -> PrimaryIdentifier.parse("B100001" + c, settings))).isEqualTo("identifier.format");
    }

    @Test
    @DisplayName("R-ID-2: the format of each kind is configuration: another library's format is honoured")
    void formatIsConfiguration() {
        var s = TestSettings.uliege();
        var other = new PatronSettings(
                Map.of(PatronKind.B, "^B\\d{8}$"),
                s.identifierRanges(),
                s.userGroups(),
                s.jobCategories(),
                s.universityDomains(),
                s.sites(),
                s.resourceSharingLibraries(),
                s.externalOwningSystem(),
                s.phoneRegion(),
                s.purgeAfterYears());

        assertThat(PrimaryIdentifier.parse("B12345678", other).kind()).isEqualTo(PatronKind.B);
        assertThat(code(() -> PrimaryIdentifier.parse("B123456", other))).isEqualTo("identifier.format");
        assertThat(code(() -> PrimaryIdentifier.parse("U123456", other))).isEqualTo("identifier.format");
    }
}
