package be.uliege.library.registration.patron.duplicate;

import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.ADDRESS_NO_NUMBER;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.AGE;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.EMAIL_DISPOSABLE;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.EMAIL_LOOKALIKE;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.NAME_CASE;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.NAME_LOOKALIKE;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.NAME_SAME;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.NAME_TEST;
import static be.uliege.library.registration.patron.duplicate.SuspiciousData.Reason.PHONE_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.TestSettings;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-DESK-2: what the queue flags as suspicious data, and what it leaves alone. */
class SuspiciousDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final List<String> UNIVERSITY = TestSettings.uliege().universityDomains();

    static PatronDraft draft(
            String first, String last, @Nullable LocalDate birth, String email, String phone, String street) {
        return new PatronDraft(
                first,
                last,
                Gender.F,
                birth,
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                null,
                null,
                null,
                List.of(
                        ContactDraft.email(email, ContactUsage.PERSONAL),
                        ContactDraft.phone(phone, ContactUsage.MOBILE),
                        ContactDraft.address(street, "4000", "Liège", "BE")));
    }

    static PatronDraft named(String first, String last) {
        return draft(
                first,
                last,
                LocalDate.of(1980, 5, 6),
                "someone@example.be",
                "0476 12 34 57",
                "Rue de la Cathédrale 12");
    }

    @Test
    void ordinaryDataRaiseNothing_accentsCompoundNamesAndParticlesIncluded() {
        assertThat(SuspiciousData.of(named("Zoé", "Van den Bossche-Dupré"), TODAY))
                .isEmpty();
        assertThat(SuspiciousData.of(named("Jean-Luc", "d’Ursel"), TODAY)).isEmpty();
        assertThat(SuspiciousData.of(named("Anna", "Aasen"), TODAY))
                .as("two equal letters are a name")
                .isEmpty();
        assertThat(SuspiciousData.of(named("Li", "Wu"), TODAY))
                .as("short real names")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Test,Dupont", "Marie,Azerty", "Jean,Aaa", "X,Dupont", "Asdf,Asdf", "Vorname,Nachname"})
    void testNames(String first, String last) {
        assertThat(SuspiciousData.of(named(first, last), TODAY)).containsExactly(NAME_TEST);
    }

    @Test
    void sameFirstAndLastName() {
        assertThat(SuspiciousData.of(named("Martin", "Martin"), TODAY)).containsExactly(NAME_SAME);
        assertThat(SuspiciousData.of(named("Élise", "Elise"), TODAY))
                .as("accents aside")
                .containsExactly(NAME_SAME);
    }

    @Test
    void namesAllInCapitalsOrAllInSmallLetters() {
        assertThat(SuspiciousData.of(named("Marie", "DUPONT"), TODAY)).containsExactly(NAME_CASE);
        assertThat(SuspiciousData.of(named("marie", "Dupont"), TODAY)).containsExactly(NAME_CASE);
        assertThat(SuspiciousData.of(named("Jo", "Dupont"), TODAY))
                .as("two letters cannot shout")
                .isEmpty();
    }

    @Test
    void improbableAges() {
        var base = named("Marie", "Dupont");
        assertThat(SuspiciousData.of(withBirth(base, TODAY.minusYears(13)), TODAY))
                .containsExactly(AGE);
        assertThat(SuspiciousData.of(withBirth(base, TODAY.minusYears(14)), TODAY))
                .isEmpty();
        assertThat(SuspiciousData.of(withBirth(base, TODAY.minusYears(100)), TODAY))
                .isEmpty();
        assertThat(SuspiciousData.of(withBirth(base, TODAY.minusYears(101)), TODAY))
                .containsExactly(AGE);
        assertThat(SuspiciousData.of(withBirth(base, null), TODAY)).isEmpty();
    }

    @Test
    void throwAwayMailPatternedPhoneStreetWithoutNumber_allNamed() {
        var draft = draft(
                "Marie",
                "Dupont",
                LocalDate.of(1990, 1, 1),
                "marie@YopMail.com",
                "0000 00 00 00",
                "Rue de la Cathédrale");
        assertThat(SuspiciousData.of(draft, TODAY)).containsExactly(EMAIL_DISPOSABLE, PHONE_PATTERN, ADDRESS_NO_NUMBER);
    }

    @ParameterizedTest
    @CsvSource({
        "0123456789,true",
        "0987654321,true",
        "+32 4 99 99 99 99,false",
        "0032 444 44 44 44,true",
        "0476 12 34 57,false",
        "04 221 21 21,false",
        "12345,false"
    })
    void patternedPhones(String phone, boolean patterned) {
        assertThat(SuspiciousData.patterned(phone)).isEqualTo(patterned);
    }

    @Test
    void everyReasonHasASentenceKey() {
        assertThat(NAME_TEST.key()).isEqualTo("suspicious.name-test");
        assertThat(ADDRESS_NO_NUMBER.key()).isEqualTo("suspicious.address-no-number");
    }

    @ParameterizedTest(name = "[{0} {1}]")
    @CsvSource({
        "Marie,Dup\u043Ent", // Cyrillic о inside a Latin word
        "J\u0435an,Dupont", // Cyrillic е in the first name
        "Marie,Ale\u03BEandre", // Greek ξ inside a Latin word
        "Marie,\u0420\u043E\u0440\u0440\u0435", // Рорре: Cyrillic letters only, each drawn like a Latin one
        "Marie,\u0412\u0415\u0420\u0421\u041A" // BERCK in Cyrillic capitals
    })
    @DisplayName("R-DESK-2: a name whose letters pass for Latin ones but are not is flagged, not refused")
    void lookAlikeNames(String first, String last) {
        assertThat(SuspiciousData.of(named(first, last), TODAY)).contains(NAME_LOOKALIKE);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "Иван Петров",
                "Орехов",
                "Сахаров",
                "Αλέξανδρος Παπαδόπουλος",
                "Νίκος",
                "Nguyễn",
                "Ștefănescu",
                "İbrahim Öztürk",
                "Jean Иванов",
                "山田 太郎"
            })
    @DisplayName("R-DESK-2: names written in one real alphabet, or in two alphabets word by word, are not flagged")
    void realNamesNotFlaggedAsLookAlikes(String last) {
        assertThat(SuspiciousData.of(named("Marie", last), TODAY)).doesNotContain(NAME_LOOKALIKE);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"marie@uliège.be", "marie@u1iege.be", "marie@xn--ulige-bsa.be"})
    @DisplayName("R-CON-1, R-DESK-2: an e-mail domain imitating the university's is flagged for the desk")
    void lookAlikeUniversityDomain(String email) {
        var draft =
                draft("Marie", "Dupont", LocalDate.of(1990, 1, 1), email, "0476 12 34 57", "Rue de la Cathédrale 12");
        assertThat(SuspiciousData.of(draft, TODAY, UNIVERSITY)).containsExactly(EMAIL_LOOKALIKE);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"marie@skynet.be", "marie@müller.de", "marie@liege.be", "not an address"})
    @DisplayName("R-DESK-2: other domains, and addresses the rules refuse anyway, raise no look-alike flag")
    void otherDomainsNotFlagged(String email) {
        var draft =
                draft("Marie", "Dupont", LocalDate.of(1990, 1, 1), email, "0476 12 34 57", "Rue de la Cathédrale 12");
        assertThat(SuspiciousData.of(draft, TODAY, UNIVERSITY)).isEmpty();
    }

    @Test
    void lookAlikeReasonsHaveSentenceKeys() {
        assertThat(NAME_LOOKALIKE.key()).isEqualTo("suspicious.name-lookalike");
        assertThat(EMAIL_LOOKALIKE.key()).isEqualTo("suspicious.email-lookalike");
    }

    static PatronDraft withBirth(PatronDraft d, @Nullable LocalDate birth) {
        return new PatronDraft(
                d.firstName(),
                d.lastName(),
                d.gender(),
                birth,
                d.preferredLanguage(),
                d.userGroup(),
                d.jobCategory(),
                d.jobDescription(),
                d.resourceSharingLibrary(),
                d.expirationDate(),
                d.universityKey(),
                d.contacts());
    }
}
