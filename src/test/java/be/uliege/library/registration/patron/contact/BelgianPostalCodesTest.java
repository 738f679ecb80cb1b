package be.uliege.library.registration.patron.contact;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.TestSettings;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes.Check;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-CON-4: Belgian postal codes and their localities, checked against bpost's list. */
class BelgianPostalCodesTest {

    private final BelgianPostalCodes codes = TestSettings.postalCodes();

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            4000   | Liège         | LIÈGE
            4000   | LIEGE         | LIÈGE
            4000   | liège         | LIÈGE
            4000   | Liege         | LIÈGE
            4000   | '  liège  '   | LIÈGE
            4000   | Luik          | LIÈGE
            4000   | Lüttich       | LIÈGE
            4000   | Glain         | Glain
            4000   | ROCOURT       | Rocourt
            ' 4000 ' | Liège       | LIÈGE
            4020   | Liège         | LIÈGE
            1000   | Bruxelles     | BRUXELLES
            1000   | Brussel       | BRUXELLES
            1000   | Brussels      | BRUXELLES
            9000   | Gand          | GENT
            9000   | Gent          | GENT
            9000   | Ghent         | GENT
            1050   | Elsene        | IXELLES
            3000   | Louvain       | LEUVEN
            4032   | Chênée        | Chênee
            4800   | Petit Rechain | Petit-Rechain
            4800   | petit-rechain | Petit-Rechain
            """)
    @DisplayName("R-CON-4: the city matches a locality of the code, in any case, accents or national language")
    void match(String code, String city, String listed) {
        assertThat(codes.check(code, city)).isEqualTo(new Check.Match(listed));
    }

    @Test
    @DisplayName(
            "R-CON-4: a city that is not a locality of the code is refused with the code's localities as suggestions")
    void cityMismatch() {
        var check = codes.check("4000", "Namur");

        assertThat(check)
                .isInstanceOfSatisfying(
                        Check.CityMismatch.class,
                        m -> assertThat(m.suggestions()).containsExactlyInAnyOrder("Glain", "LIÈGE", "Rocourt"));
    }

    @Test
    @DisplayName("R-CON-4: suggestions are the three localities closest to what was typed")
    void closestSuggestions() {
        var check = codes.check("4800", "Verviere");

        assertThat(check).isInstanceOfSatisfying(Check.CityMismatch.class, m -> {
            assertThat(m.suggestions()).hasSize(3);
            assertThat(m.suggestions().getFirst()).isEqualTo("VERVIERS");
        });
    }

    @Test
    @DisplayName("R-CON-4: a locality typed without its suffix (Jupille for Jupille-Sur-Meuse) is suggested in full")
    void shortenedLocalityIsSuggested() {
        var check = codes.check("4020", "Jupille");

        assertThat(check)
                .isInstanceOfSatisfying(
                        Check.CityMismatch.class,
                        m -> assertThat(m.suggestions()).contains("Jupille-Sur-Meuse"));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            4000 | Gand
            4000 | Bruxelles
            5000 | Liège
            9000 | Luik
            4000 | ''
            4000 | Liège-Centre
            4000 | Li ège
            """)
    @DisplayName("R-CON-4: another city's name, or an alias of another code's city, does not match")
    void otherCitiesDoNotMatch(String code, String city) {
        assertThat(codes.check(code, city)).isInstanceOf(Check.CityMismatch.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"9999", "0000", "1001", "4001"})
    @DisplayName("R-CON-4: a postal code that does not exist is reported as unknown")
    void unknownCode(String code) {
        assertThat(codes.check(code, "Liège")).isInstanceOf(Check.UnknownCode.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"1005", "1006", "1007", "1008"})
    @DisplayName("R-CON-4: a special code (institution, sorting centre: empty third column) is not a home address")
    void specialCode(String code) {
        assertThat(codes.find(code))
                .hasValueSatisfying(c -> assertThat(c.special()).isTrue());
        assertThat(codes.check(code, "Bruxelles")).isInstanceOf(Check.SpecialCode.class);
    }

    @Test
    @DisplayName("R-CON-4: without a list, codes are not checked against it")
    void noList() {
        var empty = new BelgianPostalCodes(Map.of(), BelgianPostalCodes.loadAliases());

        assertThat(empty.isLoaded()).isFalse();
        assertThat(empty.check("4000", "Namur")).isInstanceOf(Check.NotChecked.class);
        assertThat(empty.check("9999", "Nowhere")).isInstanceOf(Check.NotChecked.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "file:/nonexistent/zipcodes.csv", "classpath:nothing-here.csv"})
    @DisplayName("R-CON-4: a missing or unset list location loads nothing (format-only checking), without failing")
    void missingListLoadsNothing(String location) {
        assertThat(BelgianPostalCodes.load(location)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-CON-4: the bpost CSV is read row by row; headers and damaged rows are skipped; special only when every row is")
    void parsesBpostLayout() throws IOException {
        var csv = """
                Code,Localité,Sous-commune,Province
                4000,LIÈGE,Non,Liège
                4000,Glain,Oui,Liège
                1005,Assemblée,,
                1234,Mixed special,,
                1234,Mixed town,Non,Somewhere
                12345,Too long,Non,X
                abcd,Letters,Non,X
                4100
                """;
        var parsed = BelgianPostalCodes.parse(new BufferedReader(new StringReader(csv)));

        assertThat(parsed).containsOnlyKeys("4000", "1005", "1234");
        assertThat(parsed.get("4000").localities()).containsExactly("LIÈGE", "Glain");
        assertThat(parsed.get("4000").special()).isFalse();
        assertThat(parsed.get("1005").special()).isTrue();
        assertThat(parsed.get("1234").special()).isFalse();
    }

    @Test
    @DisplayName("R-CON-4: the shipped alias list maps other languages' names to the listed one")
    void aliases() {
        var aliases = BelgianPostalCodes.loadAliases();

        assertThat(aliases.listed().get("luik")).contains("liege");
        assertThat(aliases.listed().get("brussel")).contains("bruxelles");
        assertThat(aliases.listed().get("gand")).contains("gent");
    }

    @ParameterizedTest(name = "{0} at a desk in \"{1}\" reads {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Liège     | fr | Liège
            Liège     | nl | Luik
            Liège     | de | Lüttich
            Luik      | fr | Liège
            Lüttich   | nl | Luik
            Gent      | fr | Gand
            Gand      | nl | Gent
            Bruxelles | nl | Brussel
            Brussel   | fr | Bruxelles
            Angleur   | nl | Angleur
            Zaventem  | fr | Zaventem
            Lyon      | nl | Lyon
            """)
    @DisplayName("R-CON-4: the desk shows a locality in the desk's language when it has a name there")
    void inTheDesksLanguage(String stored, String language, String shown) {
        assertThat(codes.inLanguage(stored, Locale.of(language))).isEqualTo(shown);
    }

    @Test
    @DisplayName("R-CON-4: a code's localities are offered in the form's language, each once")
    void localitiesInALanguage() {
        assertThat(codes.localitiesIn("4000", Locale.of("nl")))
                .contains("Luik")
                .doesNotContain("Liège")
                .doesNotHaveDuplicates();
        assertThat(codes.localitiesIn("4000", Locale.of("fr")))
                .contains("Liège")
                .doesNotContain("Luik");
        assertThat(codes.localitiesIn("9000", Locale.of("fr"))).contains("Gand");
        assertThat(codes.localitiesIn("1005", Locale.of("fr"))).isEmpty();
    }

    @Test
    @DisplayName("R-CON-4: the suggestion distance is Levenshtein's")
    void distance() {
        assertThat(BelgianPostalCodes.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(BelgianPostalCodes.distance("", "liege")).isEqualTo(5);
        assertThat(BelgianPostalCodes.distance("liege", "liege")).isZero();
    }

    @Test
    @DisplayName("R-CON-4: every listed locality is offered for forms, sorted and without duplicates")
    void allLocalities() {
        List<String> all = codes.allLocalities();

        assertThat(all)
                .contains("LIÈGE", "GENT", "BRUXELLES")
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LIÈGE|Liège", "BRAINE-L'ALLEUD|Braine-l'Alleud",
                        "OTTIGNIES-LOUVAIN-LA-NEUVE|Ottignies-Louvain-la-Neuve",
                "KAPELLE-OP-DEN-BOS|Kapelle-op-den-Bos", "LA HULPE|La Hulpe",
                        "SAINT-JOSSE-TEN-NOODE|Saint-Josse-ten-Noode",
                "Glain|Glain", "Sart-lez-Spa|Sart-lez-Spa"
            })
    void mainLocalitiesWrittenInCapitalsAreShownReadably(String listed, String shown) {
        assertThat(BelgianPostalCodes.readable(listed)).isEqualTo(shown);
    }

    /** R-CON-4: once the code is known, the list's spelling is stored, or a name in another language as typed. */
    @ParameterizedTest(name = "{0} [{1}] is stored as [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            4000 | liege            | Liège
            4000 | LIEGE            | Liège
            4000 | 'Liege '         | Liège
            4000 | liège            | Liège
            4000 | Luik             | Luik
            4000 | luik             | Luik
            4000 | LÜTTICH          | Lüttich
            4000 | rocourt          | Rocourt
            4000 | GLAIN            | Glain
            1000 | bruxelles        | Bruxelles
            1000 | Brussel          | Brussel
            9000 | gent             | Gent
            9000 | Gand             | Gand
            """)
    void storesTheListsSpellingOrTheNameInAnotherLanguage(String code, String typed, String stored) {
        var check = codes.check(code, typed);
        assertThat(check).isInstanceOf(Check.Match.class);
        assertThat(BelgianPostalCodes.stored((Check.Match) check, typed)).isEqualTo(stored);
    }
}
