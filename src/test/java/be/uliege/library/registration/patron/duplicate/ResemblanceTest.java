package be.uliege.library.registration.patron.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.duplicate.Resemblance.Person;
import be.uliege.library.registration.patron.duplicate.Resemblance.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-PRE-5, R-DESK-3: the explained score of two people being the same person. */
class ResemblanceTest {

    static final LocalDate BIRTH = LocalDate.of(1990, 4, 12);

    static Person person(String first, String last, LocalDate birth, String email, String phone) {
        return new Person(
                first, last, birth, email == null ? Set.of() : Set.of(email), phone == null ? Set.of() : Set.of(phone));
    }

    static final Person ELODIE = person("Élodie", "Dupré", BIRTH, "elodie.dupre@example.be", "32475123456");

    @Test
    @DisplayName("Accents, case and punctuation dropped, a new e-mail: the same person")
    void accentsDropped() {
        var score = Resemblance.of(ELODIE, person("ELODIE", "dupre", BIRTH, "e.dupre@mail.be", null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons())
                .containsExactly(Reason.SAME_BIRTH_DATE, Reason.SAME_SURNAME, Reason.SAME_FIRST_NAME);
    }

    @Test
    @DisplayName("An e-mail typed with capitals in its local part is the same e-mail for matching")
    void emailWithCapitals() {
        var score = Resemblance.of(ELODIE, person("Elodie", "Dupre-Lambert", null, "Elodie.Dupre@example.be", null));
        assertThat(score.reasons()).contains(Reason.SAME_EMAIL);
        assertThat(score.isCandidate()).isTrue();
    }

    @Test
    @DisplayName("A surname spelled another way, a typo in the first name")
    void soundsAlikeAndTypo() {
        var score = Resemblance.of(
                person("Katrien", "Peeters", BIRTH, null, null), person("Katrjen", "Peters", BIRTH, null, null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).contains(Reason.SURNAME_SOUNDS_ALIKE, Reason.FIRST_NAME_NEARLY);
    }

    @Test
    @DisplayName("First and last names swapped")
    void swapped() {
        var score = Resemblance.of(ELODIE, person("Dupré", "Élodie", BIRTH, null, null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).startsWith(Reason.SAME_BIRTH_DATE, Reason.NAMES_SWAPPED);
    }

    @Test
    @DisplayName("A married name added to the maiden name")
    void marriedName() {
        var score = Resemblance.of(
                person("Marie", "Dupont", BIRTH, null, null), person("Marie", "Dupont-Martin", BIRTH, null, null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).contains(Reason.SURNAME_SHARES_PART, Reason.SAME_FIRST_NAME);
    }

    @Test
    @DisplayName("Day and month of the birth date swapped, same e-mail")
    void birthDateNearly() {
        var score = Resemblance.of(
                ELODIE, person("Elodie", "Dupré", LocalDate.of(1990, 12, 4), "elodie.dupre@example.be", null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).contains(Reason.SAME_EMAIL, Reason.BIRTH_DATE_NEARLY);
    }

    @Test
    @DisplayName("Twins sharing the family phone are two people")
    void twins() {
        var anna = person("Anna", "Janssens", BIRTH, "anna@example.be", "3242223344");
        var lotte = person("Lotte", "Janssens", BIRTH, "lotte@example.be", "3242223344");
        var score = Resemblance.of(anna, lotte);
        assertThat(score.isCandidate()).isFalse();
        assertThat(score.reasons()).contains(Reason.DIFFERENT_FIRST_NAME, Reason.SAME_PHONE);
    }

    @Test
    @DisplayName("Strangers born the same day are not candidates")
    void strangers() {
        var score = Resemblance.of(ELODIE, person("Marc", "Lambert", BIRTH, null, null));
        assertThat(score.isCandidate()).isFalse();
        assertThat(score.reasons()).containsExactly(Reason.SAME_BIRTH_DATE, Reason.DIFFERENT_FIRST_NAME);
    }

    @Test
    @DisplayName("The same address and phone with another name and birth date: a flag, not a candidate")
    void sameContactOnly() {
        var score = Resemblance.of(ELODIE, person("Paul", "Dupré", LocalDate.of(1960, 1, 5), null, "32475123456"));
        assertThat(score.value()).isLessThan(Resemblance.CANDIDATE);
    }

    @Test
    @DisplayName("The score stays within 0 to 100")
    void bounded() {
        assertThat(Resemblance.of(ELODIE, ELODIE).value()).isEqualTo(100);
        assertThat(Resemblance.of(person("Anna", "X", null, null, null), person("Lotte", "X", null, null, null))
                        .value())
                .isZero();
    }

    @Test
    @DisplayName("Every reason can be said in words (the bundles keep the four languages alike)")
    void everyReasonHasItsWords() throws Exception {
        var words = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("i18n", "translations.properties"))) {
            words.load(reader);
        }
        for (var reason : Reason.values()) {
            assertThat(words.getProperty("duplicate.reason." + reason.name()))
                    .as(reason.name())
                    .isNotBlank();
        }
    }

    @Test
    @DisplayName("The birth dates a typo can make: one digit off, day and month swapped, never an impossible date")
    void nearlySameDates() {
        var dates = Resemblance.nearlySameDates(LocalDate.of(1990, 4, 12));
        assertThat(dates)
                .contains(
                        LocalDate.of(1990, 4, 12),
                        LocalDate.of(1990, 12, 4),
                        LocalDate.of(1990, 4, 13),
                        LocalDate.of(1980, 4, 12),
                        LocalDate.of(1990, 4, 2),
                        LocalDate.of(1990, 9, 12));
        assertThat(dates)
                .doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(Resemblance.nearlySameDate(d, LocalDate.of(1990, 4, 12))
                                || d.equals(LocalDate.of(1990, 4, 12)))
                        .isTrue());
        assertThat(dates).hasSizeLessThan(80);
    }

    @Test
    void typoDistanceCountsTranspositionsOnce() {
        assertThat(Resemblance.distance("lambert", "lamebrt")).isEqualTo(1);
        assertThat(Resemblance.distance("dupont", "dupond")).isEqualTo(1);
        assertThat(Resemblance.distance("", "abc")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "Bob, Robert",
        "Jef, Jozef",
        "Lies, Liesbeth",
        "Mohammed, Muhammad",
        "Mouhamed, Mohamed",
        "Youssef, Yusuf",
        "Oleksandr, Aleksandr",
        "Flo, Florian",
        "Majid, Abdelmajid"
    })
    @DisplayName("Short forms, nicknames and transliterations of one first name, with a new e-mail and phone")
    void otherFormsOfOneFirstName(String first, String other) {
        var score = Resemblance.of(
                person(first, "Benali", BIRTH, "a@example.be", "32470000001"),
                person(other, "Benali", BIRTH, "b@example.be", "32470000002"));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).contains(Reason.FIRST_NAME_OTHER_FORM);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({"Zoubir, Zoubeir", "Abdelouahab, Abdelwahab", "Redouane, Ridwan"})
    @DisplayName("First names written from Arabic with other vowels, not on the list of forms, sound alike")
    void transliteratedFirstNamesOffTheList(String first, String other) {
        var score =
                Resemblance.of(person(first, "Amrani", BIRTH, null, null), person(other, "Amrani", BIRTH, null, null));
        assertThat(score.isCandidate()).isTrue();
        assertThat(score.reasons()).contains(Reason.FIRST_NAME_SOUNDS_ALIKE);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "Shevchenko, Chevtchenko",
        "Schewtschenko, Szewczenko",
        "Çelik, Tchelik",
        "Şahin, Chahin",
        "Öztürk, Oeztuerk",
        "Chakir, Shakir",
        "Ouazzani, Wazzani",
        "Van Dijk, Van Dyk",
        "Heijens, Heyens",
        "Wijnants, Wynants",
        "Cherqui, Sharqi"
    })
    @DisplayName("Surnames written from another alphabet, and Dutch ij and y, are the same surname")
    void transliteratedSurnames(String surname, String other) {
        var score =
                Resemblance.of(person("Olena", surname, BIRTH, null, null), person("Olena", other, BIRTH, null, null));
        assertThat(score.isCandidate()).isTrue();
    }

    @ParameterizedTest(name = "{0} and {1} are twins")
    @CsvSource({
        "Louis, Louise",
        "Lena, Lina",
        "Daniel, Danielle",
        "Julien, Julie",
        "Clément, Clémence",
        "Lucas, Luca",
        "Eline, Elise",
        "Konstantinos, Konstantina"
    })
    @DisplayName("Twins with similar first names, one household e-mail and phone, are two people")
    void twinsWithSimilarFirstNames(String first, String other) {
        var score = Resemblance.of(
                person(first, "Goffin", BIRTH, "famille.goffin@skynet.be", "3242223344"),
                person(other, "Goffin", BIRTH, "famille.goffin@skynet.be", "3242223344"));
        assertThat(score.isCandidate()).isFalse();
        assertThat(score.reasons()).contains(Reason.DIFFERENT_FIRST_NAME);
        assertThat(score.isWorthShowing())
                .as("staff still see the shared contact")
                .isTrue();
    }

    @Test
    @DisplayName("Twins of names a typo apart are told apart by their genders; X or unknown says nothing")
    void genders() {
        var dana =
                new Person("Dana", "De Vos", BIRTH, Set.of("gezin.devos@telenet.be"), Set.of("3292223344"), Gender.F);
        var daan =
                new Person("Daan", "De Vos", BIRTH, Set.of("gezin.devos@telenet.be"), Set.of("3292223344"), Gender.M);
        assertThat(Resemblance.of(dana, daan).isCandidate()).isFalse();
        assertThat(Resemblance.of(dana, daan).reasons()).contains(Reason.DIFFERENT_GENDER);
        var unsaid =
                new Person("Daan", "De Vos", BIRTH, Set.of("gezin.devos@telenet.be"), Set.of("3292223344"), Gender.X);
        assertThat(Resemblance.of(dana, unsaid).reasons()).doesNotContain(Reason.DIFFERENT_GENDER);
        assertThat(Resemblance.of(dana, new Person("Dana", "De Vos", BIRTH, Set.of(), Set.of(), Gender.F))
                        .isCandidate())
                .isTrue();
    }

    @Test
    @DisplayName("A parent and a child of the same name, sharing the household's e-mail and phone, are two people")
    void parentAndChild() {
        var father = person("Jean", "Dupont", LocalDate.of(1958, 3, 2), "famille.dupont@skynet.be", "3242223344");
        var son = person("Jean", "Dupont", LocalDate.of(1989, 7, 14), "famille.dupont@skynet.be", "3242223344");
        var score = Resemblance.of(father, son);
        assertThat(score.isCandidate()).isFalse();
        assertThat(score.reasons()).contains(Reason.BIRTH_DATES_DECADES_APART);
    }

    @Test
    @DisplayName("A couple sharing an e-mail and a phone is not one person: a shared contact alone makes no candidate")
    void couple() {
        var score = Resemblance.of(
                person("Marc", "Lambert", LocalDate.of(1970, 1, 5), "lambert.home@proximus.be", "3242223344"),
                person("Sophie", "Renard", LocalDate.of(1972, 6, 9), "lambert.home@proximus.be", "3242223344"));
        assertThat(score.isCandidate()).isFalse();
    }

    @Test
    @DisplayName("Typos are a neighbour's key, a letter dropped or doubled, or two letters swapped")
    void typos() {
        assertThat(Resemblance.typo("katrien", "katrjen")).isTrue();
        assertThat(Resemblance.typo("lena", "lina")).isFalse();
        assertThat(Resemblance.typo("martine", "martne")).isTrue();
        assertThat(Resemblance.otherGender("martine", "martne")).isFalse();
        assertThat(Resemblance.otherGender("oleksiy", "oleksii")).isFalse();
        assertThat(Resemblance.otherGender("anastasia", "anastasiia")).isFalse();
        assertThat(Resemblance.otherGender("louis", "louise")).isTrue();
    }

    @Test
    @DisplayName("An impossible birth year is a typo, not a parent born centuries apart")
    void impossibleBirthYear() {
        var score = Resemblance.of(
                person("Sarah", "Gérard", LocalDate.of(1955, 5, 13), "sarah.g@example.be", null),
                person("Sarah", "Gérard", LocalDate.of(1355, 5, 23), "sarah.g@example.be", null));
        assertThat(score.reasons()).doesNotContain(Reason.BIRTH_DATES_DECADES_APART);
        assertThat(score.isCandidate()).isTrue();
    }

    @Test
    @DisplayName("Birth dates: two neighbouring digits swapped and a slipped decade are typos")
    void birthDateTypos() {
        assertThat(Resemblance.nearlySameDate(LocalDate.of(1987, 5, 3), LocalDate.of(1978, 5, 3)))
                .isTrue();
        assertThat(Resemblance.nearlySameDate(LocalDate.of(2003, 6, 15), LocalDate.of(1993, 6, 15)))
                .isTrue();
        assertThat(Resemblance.nearlySameDate(LocalDate.of(1987, 5, 3), LocalDate.of(1979, 5, 3)))
                .isFalse();
        assertThat(Resemblance.nearlySameDates(LocalDate.of(1987, 5, 3)))
                .contains(LocalDate.of(1978, 5, 3), LocalDate.of(1997, 5, 3));
    }
}
