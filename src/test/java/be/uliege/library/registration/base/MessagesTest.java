package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bundles for documents rendered without a screen: placeholders filled, French as the reference. */
class MessagesTest {

    @Test
    void theTextOfAKey_inTheLanguageAsked_withItsPlaceholdersFilled() {
        assertThat(Messages.text(Locale.ENGLISH, "receipt.title", "2026-000042"))
                .isEqualTo("Receipt no. 2026-000042");
        assertThat(Messages.text(Locale.FRENCH, "receipt.title", "2026-000042")).isEqualTo("Reçu n° 2026-000042");
        assertThat(Messages.text(Locale.of("nl"), "receipt.cash")).isEqualTo("Contant");
    }

    @Test
    void aLanguageWithoutBundle_readsFrench_neverTheServersOwnLanguage() {
        var previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Messages.text(Locale.ITALIAN, "receipt.cash")).isEqualTo("Espèces");
        } finally {
            Locale.setDefault(previous);
        }
    }
}
