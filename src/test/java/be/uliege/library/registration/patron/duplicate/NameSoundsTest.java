package be.uliege.library.registration.patron.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-DESK-3: the usual spellings of one French, Dutch or German name sound alike; others do not. */
class NameSoundsTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "Meyer, Meier",
        "Meyer, Mayer",
        "Meyer, Maier",
        "Schmidt, Schmitt",
        "Schmidt, Smit",
        "Müller, Mueller",
        "Müller, Muller",
        "Dupont, Dupond",
        "Peeters, Peters",
        "Janssens, Janssen",
        "Janssens, Jansen",
        "Claes, Klaas",
        "Thys, Tijs",
        "Philippe, Filip",
        "Lefèvre, Lefebvre",
        "Dupuis, Dupuy",
        "Vandenberghe, Van den Berghe",
        "Van den Bossche, Vandenbossche",
        "Delcourt, Del Court",
        "Jacques, Jaques",
        "Moreau, Moro",
        "Françoise, Francoise",
        "Kathleen, Cathleen",
        "Christophe, Cristof"
    })
    void soundAlike(String a, String b) {
        assertThat(NameSounds.of(a)).isEqualTo(NameSounds.of(b));
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource({
        "Dupont, Durand",
        "Martin, Martens",
        "Peeters, Pieters",
        "Meyer, Mercier",
        "Jansen, Johnson",
        "Anne, Anna-Maria",
        "Luc, Lucas",
        "Thomas, Tom",
        "Marie, Mario"
    })
    void soundDifferent(String a, String b) {
        assertThat(NameSounds.of(a)).isNotEqualTo(NameSounds.of(b));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "' - '", "'123'"})
    void aNameWithoutLettersHasNoSound(String name) {
        assertThat(NameSounds.of(name)).doesNotContainPattern("[a-z]");
    }
}
