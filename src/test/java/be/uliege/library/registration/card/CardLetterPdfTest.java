package be.uliege.library.registration.card;

import static be.uliege.library.registration.card.CardFixtures.ACTIVATION_URL;
import static be.uliege.library.registration.card.CardFixtures.card;
import static be.uliege.library.registration.card.CardFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfReader;

/** The letter that goes with a card, read back with poppler's tools. */
class CardLetterPdfTest {

    private static final String FIRST = "Hélène-Françoise";
    private static final String LAST = "d’Ursel de Bouillon-Saint-Éloi-Œdipe";

    private final CardLetterPdf letters = new CardLetterPdf();

    @TempDir
    Path directory;

    @Test
    @DisplayName("In French: the address, the identifier, the code in large type and the steps to activate the card")
    void french() {
        var text = text(write(card("B123456", FIRST, LAST, null, "4821", Gender.F, Language.FRE)));

        assertThat(text)
                .contains("ULiège Library")
                .contains("Quai Roosevelt 1B", "4000 Liège", "Belgique")
                .contains("Objet : votre carte de lecteur ULiège Library")
                .contains("Madame,")
                .contains("pas de date d’expiration")
                .contains("Votre identifiant : B123456")
                .contains("Votre code d’activation : 4821")
                .contains("1. Ouvrez la page " + ACTIVATION_URL)
                .contains("2. Tapez votre identifiant et le code d’activation ci-dessus.")
                .contains("ne sert qu’une fois", "Après 5 essais erronés, il faut attendre", "lever cette attente")
                .doesNotContain("bloquée")
                .contains("Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées.")
                .doesNotContain("Dear", "activation code", "déjà activée");
        assertThat(text.replace(" ", ""))
                .as("the name, wrapped in the address")
                .contains((FIRST + LAST).replace(" ", ""));
    }

    @Test
    @DisplayName("In English: the same, in English")
    void english() {
        var text = text(write(card("B950012", "Zoë Çağla", "Đurđević-Ørsted", null, "0815", Gender.M, Language.ENG)));

        assertThat(text)
                .contains("Zoë Çağla Đurđević-Ørsted")
                .contains("Your ULiège Library card")
                .contains("Dear Mr Đurđević-Ørsted,")
                .contains("It has no expiry date")
                .contains("Your identifier: B950012")
                .contains("Your activation code: 0815")
                .contains("1. Open the page " + ACTIVATION_URL)
                .contains("2. Type your identifier and the activation code above.")
                .contains("The code works only once. After 5 wrong attempts you must wait", "lift the wait")
                .doesNotContain("locked")
                .contains("Yours sincerely,")
                .doesNotContain("Madame", "Monsieur", "Votre");
    }

    @ParameterizedTest(name = "{0}, {1}: \"{2}\" … \"{3}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            F    | FRE  | Madame,                   | Nous vous prions d’agréer, Madame, l’expression
            M    | FRE  | Monsieur,                 | Nous vous prions d’agréer, Monsieur, l’expression
            X    | FRE  | Madame, Monsieur,         | Nous vous prions d’agréer, Madame, Monsieur, l’expression
            null | FRE  | Madame, Monsieur,         | Nous vous prions d’agréer, Madame, Monsieur, l’expression
            F    | null | Madame,                   | Nous vous prions d’agréer, Madame, l’expression
            F    | ENG  | Dear Ms Ørsted,           | Yours sincerely,
            M    | ENG  | Dear Mr Ørsted,           | Yours sincerely,
            X    | ENG  | Dear Sir or Madam,        | Yours faithfully,
            null | ENG  | Dear Sir or Madam,        | Yours faithfully,
            """)
    @DisplayName("The salutation and the closing follow the gender, in the letter's language (French when none)")
    void salutations(@Nullable Gender gender, @Nullable Language language, String salutation, String closing) {
        var pdf = write(card("B123456", "Åsa", "Ørsted", null, "4821", gender, language));

        assertThat(lines(pdf).lines().map(String::strip))
                .as("a line of its own")
                .contains(salutation);
        assertThat(text(pdf)).contains(closing);
    }

    @Test
    @DisplayName("A card printed already activated: the letter says so, and carries neither code nor steps")
    void alreadyActivated() {
        var text = text(write(card("B123456", FIRST, LAST, null, null, Gender.X, Language.FRE)));

        assertThat(text)
                .contains("Votre carte est déjà activée : vous pouvez l’utiliser dès maintenant")
                .contains("Votre identifiant : B123456")
                .doesNotContain("code d’activation :", "Ouvrez la page", "essais");
        assertThat(text).doesNotContainPattern(Pattern.compile("\\b\\d{4}\\b(?! Liège)"));

        var english = text(write(card("B123456", FIRST, LAST, null, null, Gender.F, Language.ENG)));
        assertThat(english)
                .contains("Your card is already activated")
                .doesNotContain("Your activation code", "Open the page");
    }

    @Test
    @DisplayName("One A4 page, its fonts embedded")
    void a4() throws IOException {
        var pdf = write(card(
                "B123456",
                FIRST,
                "Wolfeschlegelsteinhausenbergerdorff de la Fontaine-Saint-Éloi",
                null,
                "4821",
                Gender.F,
                Language.FRE));

        var reader = new PdfReader(Files.readAllBytes(pdf));
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSize(1).getWidth()).isCloseTo(PageSize.A4.getWidth(), within(0.5f));
        assertThat(reader.getPageSize(1).getHeight()).isCloseTo(PageSize.A4.getHeight(), within(0.5f));
        reader.close();
        var fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts)
                .isNotEmpty()
                .allSatisfy(font -> assertThat(font).contains("LiberationSans").containsPattern("yes\\s+yes\\s+yes"));
    }

    private Path write(CardPrint card) {
        try {
            return Files.write(Files.createTempFile(directory, "letter", ".pdf"), letters.render(card));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The letter's text with its line breaks and runs of spaces read as one space, as it wraps where it must. */
    private static String text(Path pdf) {
        return lines(pdf).replaceAll("\\s+", " ");
    }

    private static String lines(Path pdf) {
        return CardFixtures.text(pdf, 1);
    }
}
