package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text hygiene behind the name, address and e-mail rules (R-REC-2, R-CON-1, R-CON-4, R-ID-6). */
class TextTest {

    @Test
    @DisplayName("R-REC-2: tidy trims, collapses inner white space (tabs, line breaks) and keeps null")
    void tidyTrimsAndCollapses() {
        assertThat(Text.tidy("  Jean   \t Pierre \n")).isEqualTo("Jean Pierre");
        assertThat(Text.tidy("")).isEmpty();
        assertThat(Text.tidy(null)).isNull();
    }

    @Test
    @DisplayName("R-ID-6: tidy composes decomposed accents (NFC), so é typed two ways is stored one way")
    void tidyNormalisesToNfc() {
        var decomposed = "Ele\u0301onore"; // e + combining acute
        assertThat(Text.tidy(decomposed)).isEqualTo("Eléonore").hasSize(8);
    }

    @ParameterizedTest(name = "blank: [{0}]")
    @ValueSource(strings = {"", " ", "\t", "\n", "\u2003", "\u3000"})
    @DisplayName("R-REC-2: isBlank counts every kind of white space as empty")
    void isBlank(String value) {
        assertThat(Text.isBlank(value)).isTrue();
    }

    @Test
    @DisplayName("R-REC-2: isBlank is false for a value and true for null")
    void isBlankNullAndValue() {
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank(" a ")).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            Dupré-Van den Bossche | dupre van den bossche
            ÉLODIE                | elodie
            Straße                | strasse
            ẞ                     | ss
            Œuvre                 | oeuvre
            cœur                  | coeur
            Ærøskøbing            | aeroskobing
            Łódź                  | lodz
            Đorđević              | dordevic
            D’Alembert            | d alembert
            O'Brien               | o brien
            Jean--Pierre          | jean pierre
            '  Müller,  Noah  '   | muller noah
            İstanbul              | istanbul
            """)
    @DisplayName("R-ID-6: searchKey drops accents and case, spells out ß/œ/æ/ø/ł, turns punctuation into one space")
    void searchKey(String value, String expected) {
        assertThat(Text.searchKey(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R-ID-6: searchKey of null is empty, and punctuation-only text is empty")
    void searchKeyOfNothing() {
        assertThat(Text.searchKey(null)).isEmpty();
        assertThat(Text.searchKey(" - / ' ")).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
            strings = {
                "000A", // line feed
                "000D", // carriage return
                "0009", // tab
                "0000", // NUL
                "007F", // DEL
                "0085", // next line
                "200B", // zero-width space
                "200D", // zero-width joiner
                "202E", // right-to-left override
                "202A", // left-to-right embedding
                "2066", // left-to-right isolate
                "2067", // right-to-left isolate
                "FEFF", // byte-order mark / zero-width no-break space
                "00AD", // soft hyphen
                "2028", // line separator
                "2029", // paragraph separator
                "E000", // private use
                "D800", // lone surrogate
            })
    @DisplayName("R-REC-2, R-CON-1: hasInvisibleOrControl finds control, zero-width, bidi and private-use characters")
    void findsInvisibleOrControl(String hex) {
        var c = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Text.hasInvisibleOrControl("Jean" + c + "Pierre")).isTrue();
        assertThat(Text.hasInvisibleOrControl(c)).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
            strings = {
                "3164", // Hangul filler: a "letter" that shows nothing
                "115F", // Hangul choseong filler
                "FFA0", // half-width Hangul filler
                "034F", // combining grapheme joiner
                "FE0F", // variation selector 16
            })
    @DisplayName("R-REC-2: hasInvisibleOrControl finds default-ignorable characters that render as nothing")
    void findsDefaultIgnorableFillers(String hex) {
        var c = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Text.hasInvisibleOrControl("Jean" + c)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "Jean-Pierre",
                "Van den Bossche",
                "D’Alembert",
                "O'Brien",
                "Zoë",
                "Müller",
                "Иван",
                "Αλέξανδρος",
                "Ngũgĩ wa Thiong'o",
                "Jean\u00A0Pierre",
                "Rue de l'Église 3 bte 2"
            })
    @DisplayName("R-REC-2: hasInvisibleOrControl leaves ordinary names and addresses alone")
    void ordinaryTextIsVisible(String value) {
        assertThat(Text.hasInvisibleOrControl(value)).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "J\u043Ehn", // Latin J, Cyrillic о, Latin hn
                "\u0406van", // Cyrillic І + Latin van
                "Ale\u03BEandre", // Greek ξ inside a Latin name
                "Pa\u0443l", // Cyrillic у
            })
    @DisplayName("R-REC-2, R-CON-1: mixesScripts spots Latin mixed with Cyrillic or Greek look-alikes")
    void mixedScripts(String value) {
        assertThat(Text.mixesScripts(value)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "John",
                "Иван Петров",
                "Αλέξανδρος Παπαδόπουλος",
                "Jean-Pierre 2",
                "D’Alembert",
                "",
                "Zoë",
                "Ngũgĩ"
            })
    @DisplayName("R-REC-2: mixesScripts accepts text in one script, digits and punctuation being neutral")
    void singleScript(String value) {
        assertThat(Text.mixesScripts(value)).isFalse();
    }
}
