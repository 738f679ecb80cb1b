package be.uliege.library.registration.patron.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** R-CON-4: an address carried typed; a letter and a screen read its parts, never a display string. */
class PostalAddressTest {

    @Test
    void rCon4_oneLineForListsAndTheHistory() {
        assertThat(new PostalAddress("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE").display())
                .isEqualTo("Rue de la Cathédrale 12 bte 3, 4000 Liège (BE)");
    }

    @Test
    void rCon4_aLettersLines_theCountryInWordsOutsideBelgiumOnly() {
        assertThat(new PostalAddress("Rue Saint-Gilles 7, 2e étage", "4000", "Liège", "BE").letterLines(Locale.FRENCH))
                .containsExactly("Rue Saint-Gilles 7", "2e étage", "4000 Liège");
        assertThat(new PostalAddress("Aachener Straße 5", "52062", "Aachen", "DE").letterLines(Locale.FRENCH))
                .containsExactly("Aachener Straße 5", "52062 Aachen", "ALLEMAGNE");
        assertThat(new PostalAddress("Kerkstraat 1", "6211", "Maastricht", "NL").letterLines(Locale.of("nl")))
                .containsExactly("Kerkstraat 1", "6211 Maastricht", "NEDERLAND");
    }

    @Test
    void rCon4_aLocalityNamedInTheReadersLanguage_keepsTheRest() {
        var luik = new PostalAddress("Place du Marché 1", "4000", "Luik", "BE");
        assertThat(luik.withCity("Liège").display()).isEqualTo("Place du Marché 1, 4000 Liège (BE)");
        assertThat(luik.withCity("Liège").postalCode()).isEqualTo("4000");
    }
}
