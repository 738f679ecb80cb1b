package be.uliege.library.registration.patron.contact;

import static be.uliege.library.registration.patron.TestSettings.address;
import static be.uliege.library.registration.patron.TestSettings.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.uliege.library.registration.base.RealNames;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronRules.Actor;
import be.uliege.library.registration.patron.TestSettings;
import be.uliege.library.registration.patron.internal.CheckedContact;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Confusable input (docs/decisions/0007-confusable-input.md) through the one place where the public
 * form, its API and the desk forms are checked, {@link PatronRules}: compatibility characters folded,
 * Zalgo refused in every free-text field (R-REC-2, R-CON-4), look-alikes of the university's domains
 * refused to the public and warned to staff (R-CON-1).
 */
class ConfusableInputTest {

    private static final PatronRules RULES = TestSettings.rules();
    private static final List<String> UNIVERSITY = TestSettings.uliege().universityDomains();
    private static final String ZALGO =
            "D\u0334\u031Bu\u0338\u0322p\u0337\u0327o\u0336\u0321n\u0337\u0328t\u0334\u0324";

    private static PatronDraft b(UnaryOperator<PatronDraft> change) {
        return change.apply(TestSettings.validB());
    }

    private static PatronDraft named(String first, String last) {
        var d = TestSettings.validB();
        return new PatronDraft(
                first,
                last,
                d.gender(),
                d.birthDate(),
                d.preferredLanguage(),
                d.userGroup(),
                d.jobCategory(),
                d.jobDescription(),
                d.resourceSharingLibrary(),
                d.expirationDate(),
                d.universityKey(),
                d.contacts());
    }

    private static PatronDraft describedAs(String description) {
        var d = TestSettings.validB();
        return new PatronDraft(
                d.firstName(),
                d.lastName(),
                d.gender(),
                d.birthDate(),
                d.preferredLanguage(),
                d.userGroup(),
                d.jobCategory(),
                description,
                d.resourceSharingLibrary(),
                d.expirationDate(),
                d.universityKey(),
                d.contacts());
    }

    private static PatronDraft withContact(int index, ContactDraft contact) {
        var d = TestSettings.validB();
        var contacts = new ArrayList<>(d.contacts());
        contacts.set(index, contact);
        return d.withContacts(contacts);
    }

    private static List<Violation> violations(PatronDraft draft, Actor actor) {
        try {
            RULES.check(draft, PatronKind.B, actor);
        } catch (PatronRuleException e) {
            return e.violations();
        }
        return List.of();
    }

    @Nested
    @DisplayName("Names and other free text (R-REC-2, R-CON-4)")
    class FreeText {

        static Stream<String> realNames() {
            return RealNames.all();
        }

        @ParameterizedTest(name = "[{0}]")
        @MethodSource("realNames")
        @DisplayName("R-REC-2: real names pass the public form and the desk unchanged, as first and last name")
        void realNamesPassUnchanged(String name) {
            for (var actor : List.of(Actor.PUBLIC, Actor.STAFF)) {
                var checked = RULES.check(named(name, name + " " + name), PatronKind.B, actor);
                assertThat(checked.firstName()).isEqualTo(name);
                assertThat(checked.lastName()).isEqualTo(name + " " + name);
            }
        }

        @ParameterizedTest(name = "[{0}] -> [{1}]")
        @CsvSource(delimiter = '|', textBlock = """
                Ｍüｌｌｅｒ        | Müller
                Ｓｏｐｈｉｅ       | Sophie
                𝐃𝐮𝐩𝐨𝐧𝐭            | Dupont
                Ⓓⓤⓟⓞⓝⓣ            | Dupont
                Schaﬀer           | Schaffer
                Ĳzerman           | IJzerman
                ǅukić             | Džukić
                Nguye\u0302\u0303n | Nguyễn
                """)
        @DisplayName("R-REC-2: compatibility letters in a name are folded and the name stored in NFC")
        void compatibilityLettersFolded(String typed, String stored) {
            for (var actor : List.of(Actor.PUBLIC, Actor.STAFF)) {
                var checked = RULES.check(named(typed, typed), PatronKind.B, actor);
                assertThat(checked.firstName()).isEqualTo(stored);
                assertThat(checked.lastName()).isEqualTo(stored);
            }
        }

        @Test
        @DisplayName(
                "R-CON-4, R-GRP-3: address line, city and job description are folded too (a postal code is digits only)")
        void addressAndDescriptionFolded() {
            var checked = RULES.check(
                    describedAs("Ｈａｕｔｅ Éｃｏｌｅ ﬁnancière")
                            .withContacts(List.of(
                                    email("sophie.janssens@skynet.be"),
                                    TestSettings.phone("0495 11 22 33"),
                                    address("Ｂｏｕｌｅｖａｒｄ ｄ'Ａｖｒｏｙ １００", "4000", "Ｌｉèｇｅ", "BE"))),
                    PatronKind.B,
                    Actor.PUBLIC);

            assertThat(checked.jobDescription()).isEqualTo("Haute École financière");
            assertThat(checked.contacts().get(2))
                    .extracting(CheckedContact::value, CheckedContact::postalCode, CheckedContact::city)
                    .containsExactly("Boulevard d'Avroy 100", "4000", "Liège");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Actor.class,
                names = {"PUBLIC", "STAFF"})
        @DisplayName("R-REC-2: Zalgo is refused in every free-text field, each named, for the public and at the desk")
        void zalgoRefusedEverywhere(Actor actor) {
            assertThat(violations(named(ZALGO, "Z\u0337\u0327\u031B\u031D\u0332\u0344\u034Calgo"), actor))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("firstName", "text.stacked-marks"), tuple("lastName", "text.stacked-marks"));
            assertThat(violations(describedAs("Haute École " + ZALGO), actor))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("jobDescription", "text.stacked-marks"));
            assertThat(violations(withContact(2, address("Rue " + ZALGO + " 12", "4000", "Liège", "BE")), actor))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("contacts[2].value", "text.stacked-marks"));
            assertThat(violations(
                            withContact(2, address("Rue Louvrex 12", "4000", "L\u0300\u0301\u0302\u0303iège", "BE")),
                            actor))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("contacts[2].city", "text.stacked-marks"));
        }
    }

    @Nested
    @DisplayName("E-mail look-alikes of the university's domains (R-CON-1)")
    class Email {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "x@uliège.be", // accented
                    "x@xn--ulige-6ra.be", // the same, typed as punycode
                    "x@ulíege.be",
                    "x@ùliege.be",
                    "x@ułiege.be", // Polish ł
                    "x@u1iege.be", // digit one for l
                    "x@uIiege.be", // capital I for l
                    "x@uli-ege.be", // an extra hyphen
                    "x@uélige.be", // the inner letters in another order, with an accent
                    "x@xn--ulige-bsa.be", // the same, as punycode
                    "x@uleige.be", // the inner letters in another order
                    "x@student.uliège.be", // a sub-domain of a look-alike
                    "x@chuliège.be",
                    "x@uIg.ac.be",
                    "x@u1g.ac.be",
                    "x@chu.uIg.ac.be",
                })
        @DisplayName("R-CON-1: a domain imitating the university's is spotted")
        void imitations(String raw) {
            var email = EmailAddress.parse(raw);
            assertThat(email.isInDomains(UNIVERSITY))
                    .as("not the university's own domain")
                    .isFalse();
            assertThat(email.imitatesDomains(UNIVERSITY)).isTrue();
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "x@uliege.be",
                    "x@student.uliege.be",
                    "x@ulg.ac.be",
                    "x@gmail.com",
                    "x@skynet.be",
                    "x@liege.be",
                    "x@müller.de",
                    "x@münchen.de",
                    "x@ulb.be",
                    "x@uclouvain.be",
                    "x@uliege.com",
                    "x@uliege.be.evil.com",
                    "x@notuliege.be",
                    "x@xuliege.be",
                    "x@ulieg.be",
                    "x@ulg.be",
                    "x@chu.be",
                    "x@hec.be",
                    "x@ulg.ac.uk"
                })
        @DisplayName("R-CON-1: the university's own domains, other domains and other IDN domains are not imitations")
        void notImitations(String raw) {
            assertThat(EmailAddress.parse(raw).imitatesDomains(UNIVERSITY)).isFalse();
        }

        @Test
        @DisplayName("R-CON-1: the public is refused a look-alike domain with its own message, shown as people read it")
        void publicRefused() {
            assertThat(violations(withContact(0, email("sophie@xn--ulige-6ra.be")), Actor.PUBLIC))
                    .containsExactly(Violation.of("contacts[0].value", "email.university-lookalike", "uliège.be"));
        }

        @Test
        @DisplayName("R-CON-1, R-DESK-2: staff may keep a look-alike domain they have checked, with a warning")
        void staffWarned() {
            var checked = RULES.check(withContact(0, email("sophie@uliège.be")), PatronKind.B, Actor.STAFF);

            assertThat(checked.contacts().getFirst().value()).isEqualTo("sophie@xn--ulige-6ra.be");
            assertThat(checked.warnings())
                    .contains(Violation.of("contacts[0].value", "email.university-lookalike", "uliège.be"));
        }

        @ParameterizedTest(name = "[{0}] -> [{1}]")
        @CsvSource(delimiter = '|', textBlock = """
                ｓｏｐｈｉｅ＠ｓｋｙｎｅｔ．ｂｅ | sophie@skynet.be
                ＳＯＰＨＩＥ@skynet.be      | SOPHIE@skynet.be
                sophie﹫skynet.be          | sophie@skynet.be
                """)
        @DisplayName("R-CON-1: an address typed in fullwidth or small-form characters is folded to the plain one")
        void fullwidthAddressFolded(String typed, String stored) {
            assertThat(EmailAddress.parse(typed).value()).isEqualTo(stored);
            assertThat(RULES.check(withContact(0, email(typed)), PatronKind.B, Actor.PUBLIC)
                            .contacts()
                            .getFirst()
                            .value())
                    .isEqualTo(stored);
        }

        @Test
        @DisplayName("R-CON-1: a fullwidth university address is still a university address")
        void fullwidthUniversityAddressRefused() {
            assertThat(violations(withContact(0, email("ｓｏｐｈｉｅ＠ｕｌｉｅｇｅ．ｂｅ")), Actor.PUBLIC))
                    .extracting(Violation::code)
                    .containsExactly("email.university");
        }
    }
}
