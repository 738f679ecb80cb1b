package be.uliege.library.registration.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public pages open in the browser's language when it is one of ours, in French otherwise. */
class LanguageSwitcherTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | fr",
                "'' | fr",
                "fr-BE,fr;q=0.9 | fr",
                "nl-BE,nl;q=0.9,en;q=0.8 | nl",
                "de-DE | de",
                "en-US,en;q=0.9 | en",
                "es-ES,es;q=0.9,de;q=0.5,en;q=0.4 | de",
                "es-ES,es;q=0.9 | fr",
                "en;q=0.2,nl;q=0.8 | nl",
                "en;q=0,de | de",
                "*;q=0.5 | fr",
                "???,,;;q=x | fr"
            })
    void firstOfOurLanguagesInTheBrowsersOrder(String header, String expected) {
        assertThat(LanguageSwitcher.fromBrowser(header)).isEqualTo(Locale.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"4000", "100000"})
    void anAbsurdlyLongHeaderAsksForNothing(int length) {
        assertThat(LanguageSwitcher.fromBrowser("nl," + "x".repeat(length))).isEqualTo(Locale.FRENCH);
    }
}
