package be.uliege.library.registration.patron.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-CON-2: phones are stored as digits only, in international form without the plus sign; one
 * behaviour everywhere: typed symbols are removed (offered as digits), letters and other symbols
 * are refused with a reason.
 */
class PhoneNumberTest {

    private static String refusal(String raw) {
        try {
            PhoneNumber.parse(raw, "BE");
        } catch (InvalidValueException e) {
            return e.code();
        }
        throw new AssertionError("expected [" + raw + "] to be refused");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0475 12 34 56        | 32475123456
            +32 475 12 34 56     | 32475123456
            0032475123456        | 32475123456
            0032 475 12 34 56    | 32475123456
            +32475123456         | 32475123456
            0475123456           | 32475123456
            0475/12.34.56        | 32475123456
            0475-12-34-56        | 32475123456
            (0475) 12.34.56      | 32475123456
            +32 (0)475 12 34 56  | 32475123456
            04/223.45.67         | 3242234567
            04 366 21 11         | 3243662111
            02 511 22 33         | 3225112233
            087 22 33 44         | 3287223344
            +33 6 12 34 56 78    | 33612345678
            0033 6 12 34 56 78   | 33612345678
            +44 20 7946 0958     | 442079460958
            '  0475 12 34 56  '  | 32475123456
            """)
    @DisplayName("R-CON-2: a typed number is stored as its international digits, without + or separators")
    void storesDigitsOnly(String raw, String digits) {
        var phone = PhoneNumber.parse(raw, "BE");

        assertThat(phone.digits()).isEqualTo(digits).containsOnlyDigits();
        assertThat(phone).hasToString(digits);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "047512345",
                "0475 12 34 56 78",
                "0475 12 34 5",
                "0",
                "00",
                "+",
                "()",
                "+32",
                "0000 00 00 00",
                "+999 123 456 789",
                "12"
            })
    @DisplayName("R-CON-2: a number that is not plausible for its country is refused as invalid")
    void implausible(String raw) {
        assertThat(refusal(raw)).isEqualTo("phone.invalid");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0475 CALL ME", "tel 0475123456", "0475 12 34 5six", "0475 I2 34 56", "０４７５ｘ", "<script>"})
    @DisplayName("R-CON-2: letters in a phone number are refused, saying so")
    void letters(String raw) {
        assertThat(refusal(raw)).isEqualTo("phone.letters");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "0475#123456",
                "0475,12,34,56",
                "++32475123456",
                "0475 12 34 5+6",
                "32+475123456",
                "0475*12",
                "０４７５１２３４５６",
                "٠٤٧٥١٢٣٤٥٦",
                "0475_12_34_56",
                "0475;123456"
            })
    @DisplayName("R-CON-2: symbols other than spaces, dots, slashes, dashes, brackets and a leading + are refused")
    void otherSymbols(String raw) {
        assertThat(refusal(raw)).isEqualTo("phone.characters");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"000A", "0009", "0000", "200B", "202E", "2066", "FEFF", "00A0"})
    @DisplayName("R-CON-2: control and invisible characters inside a number are refused")
    void controlCharacters(String hex) {
        var c = Character.toString(Integer.parseInt(hex, 16));
        assertThat(refusal("0475" + c + "123456")).isEqualTo("phone.characters");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\u2003"})
    @DisplayName("R-CON-2: an empty or blank number is required")
    void blank(String raw) {
        assertThat(refusal(raw)).isEqualTo("phone.required");
    }

    @Test
    @DisplayName("R-CON-2: a 10,000-character number is refused as too long, before any parsing")
    void hugeInput() {
        assertThat(refusal("1".repeat(10_000))).isEqualTo("phone.too-long");
        assertThat(refusal("0475 " + " ".repeat(50) + "123456")).isEqualTo("phone.too-long");
    }

    @Test
    @DisplayName("R-CON-2: numbers without a country code take the configured region")
    void defaultRegion() {
        assertThat(PhoneNumber.parse("06 12 34 56 78", "FR").digits()).isEqualTo("33612345678");
        assertThat(refusal("06 12 34 56 78")).isEqualTo("phone.invalid"); // not a Belgian number
    }

    @ParameterizedTest(name = "region {0}")
    @ValueSource(strings = {"BE", "US", "JP", "AU"})
    @DisplayName(
            "R-CON-2: a leading 00 always introduces a country code, whatever the configured region dials abroad with")
    void doubleZeroIsInternational(String region) {
        assertThat(PhoneNumber.parse("0032 475 12 34 56", region).digits()).isEqualTo("32475123456");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            32475123456  | +32 475 12 34 56
            3242234567   | +32 4 223 45 67
            33612345678  | +33 6 12 34 56 78
            """)
    @DisplayName("R-CON-2: the stored digits are displayed in international form for people")
    void display(String digits, String shown) {
        assertThat(new PhoneNumber(digits).display()).isEqualTo(shown);
    }

    @Test
    @DisplayName("R-CON-2: a stored number is digits only; anything else cannot even be constructed")
    void storedFormIsDigitsOnly() {
        assertThatThrownBy(() -> new PhoneNumber("+32475123456")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("0475 12 34 56")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("٠٤٧٥")).isInstanceOf(IllegalArgumentException.class);
    }
}
