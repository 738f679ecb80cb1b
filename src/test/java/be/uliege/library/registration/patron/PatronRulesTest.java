package be.uliege.library.registration.patron;

import static be.uliege.library.registration.patron.TestSettings.TODAY;
import static be.uliege.library.registration.patron.TestSettings.address;
import static be.uliege.library.registration.patron.TestSettings.email;
import static be.uliege.library.registration.patron.TestSettings.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.PatronRules.Actor;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.internal.CheckedContact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole-record check: R-REC-2, R-REC-4, R-GRP-1…3, R-CON-1…4, on ULiège's settings. */
class PatronRulesTest {

    private static final PatronRules RULES = TestSettings.rules();

    /** A mutable copy of a draft, so that each test changes just what it is about. */
    static final class Draft {
        @Nullable
        String firstName;

        @Nullable
        String lastName;

        @Nullable
        Gender gender;

        @Nullable
        LocalDate birthDate;

        @Nullable
        Language language;

        @Nullable
        String userGroup;

        @Nullable
        String jobCategory;

        @Nullable
        String jobDescription;

        @Nullable
        String library;

        @Nullable
        LocalDate expiration;

        @Nullable
        String universityKey;

        List<ContactDraft> contacts;

        Draft(PatronDraft d) {
            firstName = d.firstName();
            lastName = d.lastName();
            gender = d.gender();
            birthDate = d.birthDate();
            language = d.preferredLanguage();
            userGroup = d.userGroup();
            jobCategory = d.jobCategory();
            jobDescription = d.jobDescription();
            library = d.resourceSharingLibrary();
            expiration = d.expirationDate();
            universityKey = d.universityKey();
            contacts = new ArrayList<>(d.contacts());
        }

        PatronDraft build() {
            return new PatronDraft(
                    firstName,
                    lastName,
                    gender,
                    birthDate,
                    language,
                    userGroup,
                    jobCategory,
                    jobDescription,
                    library,
                    expiration,
                    universityKey,
                    contacts);
        }

        void removeContacts(ContactKind kind) {
            contacts.removeIf(c -> c.kind() == kind);
        }
    }

    private static PatronDraft b(Consumer<Draft> change) {
        var d = new Draft(TestSettings.validB());
        change.accept(d);
        return d.build();
    }

    private static PatronDraft bx(Consumer<Draft> change) {
        var d = new Draft(TestSettings.validBX());
        change.accept(d);
        return d.build();
    }

    private static PatronDraft u(Consumer<Draft> change) {
        var d = new Draft(TestSettings.validU());
        change.accept(d);
        return d.build();
    }

    /** The violations of a draft that must be refused. */
    private static List<Violation> violations(PatronDraft draft, PatronKind kind, Actor actor) {
        try {
            RULES.check(draft, kind, actor);
        } catch (PatronRuleException e) {
            return e.violations();
        }
        throw new AssertionError("expected the draft to be refused: " + draft);
    }

    private static List<Violation> violations(PatronDraft draft, PatronKind kind) {
        return violations(draft, kind, Actor.STAFF);
    }

    private static List<Violation> violationsOfB(Consumer<Draft> change) {
        return violations(b(change), PatronKind.B);
    }

    private static Violation v(String field, String code, Object... args) {
        return Violation.of(field, code, args);
    }

    // Contacts of the valid drafts: [0] e-mail, [1] phone, [2] address.
    private static final String EMAIL = "contacts[0]";
    private static final String PHONE = "contacts[1]";
    private static final String ADDRESS = "contacts[2]";

    @Nested
    @DisplayName("Valid drafts")
    class Valid {

        @Test
        @DisplayName("R-REC-2: a complete B draft passes and is returned in its stored form")
        void completeB() {
            var checked = RULES.check(TestSettings.validB(), PatronKind.B, Actor.PUBLIC);

            assertThat(checked.firstName()).isEqualTo("Sophie");
            assertThat(checked.lastName()).isEqualTo("Janssens");
            assertThat(checked.userGroup()).isEqualTo("Extérieur");
            assertThat(checked.resourceSharingLibrary()).isEqualTo(TestSettings.LIBRARY);
            assertThat(checked.warnings()).isEmpty();
            assertThat(checked.contacts())
                    .extracting(CheckedContact::kind, CheckedContact::value)
                    .containsExactly(
                            tuple(ContactKind.EMAIL, "sophie.janssens@skynet.be"),
                            tuple(ContactKind.PHONE, "32495112233"),
                            tuple(ContactKind.ADDRESS, "Boulevard d'Avroy 100"));
            assertThat(checked.contacts().get(2)).satisfies(a -> {
                assertThat(a.postalCode()).isEqualTo("4000");
                assertThat(a.city()).isEqualTo("Luik");
                assertThat(a.country()).isEqualTo("BE");
            });
        }

        @Test
        @DisplayName("R-CON-4: a city typed without its accent is stored as the list spells it")
        void cityStoredAsListed() {
            var draft = TestSettings.validB();
            var contacts = new ArrayList<>(draft.contacts());
            contacts.replaceAll(c -> c.kind() == ContactKind.ADDRESS
                    ? ContactDraft.address("Rue Saint-Gilles 25", "4000", "liege", "BE")
                    : c);
            var checked = RULES.check(
                    new PatronDraft(
                            draft.firstName(),
                            draft.lastName(),
                            draft.gender(),
                            draft.birthDate(),
                            draft.preferredLanguage(),
                            draft.userGroup(),
                            draft.jobCategory(),
                            draft.jobDescription(),
                            draft.resourceSharingLibrary(),
                            draft.expirationDate(),
                            draft.universityKey(),
                            contacts),
                    PatronKind.B,
                    Actor.PUBLIC);
            assertThat(checked.contacts())
                    .filteredOn(c -> c.kind() == ContactKind.ADDRESS)
                    .extracting(CheckedContact::city)
                    .containsExactly("Liège");
        }

        @Test
        @DisplayName("R-REC-2: a complete BX draft passes")
        void completeBX() {
            assertThat(RULES.check(TestSettings.validBX(), PatronKind.BX, Actor.STAFF)
                            .userGroup())
                    .isEqualTo("Usager BX - PIB");
        }

        @Test
        @DisplayName("R-REC-2: typed names are stored tidied (trimmed, one space inside)")
        void namesAreTidied() {
            var checked = RULES.check(
                    b(d -> {
                        d.firstName = "  Jean    Pierre ";
                        d.lastName = " Van  den   Bossche";
                    }),
                    PatronKind.B,
                    Actor.STAFF);

            assertThat(checked.firstName()).isEqualTo("Jean Pierre");
            assertThat(checked.lastName()).isEqualTo("Van den Bossche");
        }

        @Test
        @DisplayName("R-REC-2: a university patron (U) needs only names, group and an e-mail; the library defaults")
        void universityPatronNeedsLess() {
            var minimal = new PatronDraft(
                    "Jean-Pierre",
                    "Lemaire",
                    null,
                    null,
                    null,
                    "Personnel ULiège",
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(email("jp.lemaire@uliege.be")));

            var checked = RULES.check(minimal, PatronKind.U, Actor.LOAD);

            assertThat(checked.resourceSharingLibrary()).isEqualTo(TestSettings.LIBRARY);
            assertThat(checked.jobCategory()).isNull();
        }
    }

    @Nested
    @DisplayName("Required fields (R-REC-2)")
    class Required {

        static Stream<Arguments> missingFieldsOfB() {
            return Stream.of(
                    arguments("first name null", (Consumer<Draft>) d -> d.firstName = null, v("firstName", "required")),
                    arguments(
                            "first name blank",
                            (Consumer<Draft>) d -> d.firstName = " \t ",
                            v("firstName", "required")),
                    arguments("last name null", (Consumer<Draft>) d -> d.lastName = null, v("lastName", "required")),
                    arguments("last name empty", (Consumer<Draft>) d -> d.lastName = "", v("lastName", "required")),
                    arguments("user group", (Consumer<Draft>) d -> d.userGroup = null, v("userGroup", "required")),
                    arguments(
                            "user group blank", (Consumer<Draft>) d -> d.userGroup = "  ", v("userGroup", "required")),
                    arguments(
                            "job category",
                            (Consumer<Draft>) d -> {
                                d.jobCategory = null;
                                d.jobDescription = null;
                            },
                            v("jobCategory", "required")),
                    arguments("gender", (Consumer<Draft>) d -> d.gender = null, v("gender", "required")),
                    arguments(
                            "preferred language",
                            (Consumer<Draft>) d -> d.language = null,
                            v("preferredLanguage", "required")),
                    arguments("birth date", (Consumer<Draft>) d -> d.birthDate = null, v("birthDate", "required")),
                    arguments(
                            "resource sharing library",
                            (Consumer<Draft>) d -> d.library = null,
                            v("resourceSharingLibrary", "required")),
                    arguments(
                            "resource sharing library blank",
                            (Consumer<Draft>) d -> d.library = " ",
                            v("resourceSharingLibrary", "required")),
                    arguments(
                            "e-mail",
                            (Consumer<Draft>) d -> d.removeContacts(ContactKind.EMAIL),
                            v("emails", "email.missing")),
                    arguments(
                            "address",
                            (Consumer<Draft>) d -> d.removeContacts(ContactKind.ADDRESS),
                            v("addresses", "address.missing")),
                    arguments(
                            "phone",
                            (Consumer<Draft>) d -> d.removeContacts(ContactKind.PHONE),
                            v("phones", "phone.missing")),
                    arguments(
                            "type of the e-mail",
                            (Consumer<Draft>) d -> d.contacts.set(
                                    0,
                                    new ContactDraft(
                                            ContactKind.EMAIL,
                                            null,
                                            true,
                                            "sophie.janssens@skynet.be",
                                            null,
                                            null,
                                            null)),
                            v(EMAIL + ".usage", "contact.usage-required")),
                    arguments(
                            "job description of a detail category",
                            (Consumer<Draft>) d -> d.jobDescription = null,
                            v("jobDescription", "job-description.detail-required", "AUTRE HE / UNIV")));
        }

        @ParameterizedTest(name = "B without {0}")
        @MethodSource("missingFieldsOfB")
        @DisplayName("R-REC-2: a B draft missing one required field is refused, naming that field")
        void eachMissingFieldOfB(String what, Consumer<Draft> remove, Violation expected) {
            assertThat(violationsOfB(remove)).containsExactly(expected);
        }

        @ParameterizedTest(name = "BX without {0}")
        @MethodSource("missingFieldsOfB")
        @DisplayName("R-REC-2: BX patrons need the same fields as B patrons")
        void eachMissingFieldOfBX(String what, Consumer<Draft> remove, Violation expected) {
            var expectedForBx = expected.code().equals("job-description.detail-required")
                    ? v(
                            "jobDescription",
                            "job-description.detail-required",
                            "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE")
                    : expected;
            assertThat(violations(bx(remove), PatronKind.BX)).containsExactly(expectedForBx);
        }

        @Test
        @DisplayName("R-REC-2: every missing field of an empty B draft is named at once, not just the first")
        void allMissingAtOnce() {
            var empty = new PatronDraft(null, null, null, null, null, null, null, null, null, null, null, List.of());

            assertThat(violations(empty, PatronKind.B))
                    .containsExactlyInAnyOrder(
                            v("firstName", "required"),
                            v("lastName", "required"),
                            v("gender", "required"),
                            v("birthDate", "required"),
                            v("preferredLanguage", "required"),
                            v("userGroup", "required"),
                            v("jobCategory", "required"),
                            v("resourceSharingLibrary", "required"),
                            v("emails", "email.missing"),
                            v("addresses", "address.missing"),
                            v("phones", "phone.missing"));
        }

        @Test
        @DisplayName("R-REC-2: an empty university draft needs names, group and e-mail only")
        void allMissingForU() {
            var empty = new PatronDraft(null, null, null, null, null, null, null, null, null, null, null, List.of());

            assertThat(violations(empty, PatronKind.U))
                    .containsExactlyInAnyOrder(
                            v("firstName", "required"),
                            v("lastName", "required"),
                            v("userGroup", "required"),
                            v("emails", "email.missing"));
        }

        @Test
        @DisplayName("R-REC-2: broken rules in different fields and contacts are all reported together")
        void differentProblemsTogether() {
            var found = violationsOfB(d -> {
                d.firstName = "J\u043Ehn";
                d.birthDate = TODAY.plusDays(1);
                d.userGroup = "Personnel ULiège";
                d.contacts.set(0, email("john@uliege.be"));
                d.contacts.set(1, phone("0475 CALL ME"));
                d.contacts.set(2, address("Rue Louvrex", "4000", "Namur", "BE"));
            });

            assertThat(found)
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("firstName", "name.mixed-scripts"),
                            tuple("birthDate", "birth-date.future"),
                            tuple("userGroup", "user-group.university-for-external"),
                            tuple(EMAIL + ".value", "email.university"),
                            tuple(PHONE + ".value", "phone.letters"),
                            tuple(ADDRESS + ".value", "address.line1.house-number"));
        }

        @Test
        @DisplayName("R-REC-2: a missing job category is named even when the description is also wrong")
        void missingCategoryNamedBesideBadDescription() {
            var found = violationsOfB(d -> {
                d.jobCategory = null;
                d.jobDescription = "x".repeat(PatronRules.DESCRIPTION_MAX + 1);
            });

            assertThat(found)
                    .contains(
                            v("jobCategory", "required"),
                            v("jobDescription", "text.too-long", PatronRules.DESCRIPTION_MAX));
        }

        @Test
        @DisplayName("R-REC-2: the exception message names each refused field")
        void messageNamesFields() {
            assertThatThrownBy(() -> RULES.check(
                            b(d -> {
                                d.firstName = null;
                                d.gender = null;
                            }),
                            PatronKind.B,
                            Actor.STAFF))
                    .isInstanceOf(PatronRuleException.class)
                    .hasMessageContaining("firstName: required")
                    .hasMessageContaining("gender: required");
        }
    }

    @Nested
    @DisplayName("Names (R-REC-2)")
    class Names {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "Van den Bossche",
                    "D’Alembert",
                    "Jean-Pierre",
                    "O'Brien",
                    "de la Fontaine",
                    "Zoë",
                    "Müller",
                    "N'Diaye",
                    "St. John",
                    "Ngũgĩ wa Thiong'o",
                    "Иван",
                    "Αλέξανδρος",
                    "Łukasz",
                    "Ærøe",
                    "Jean-Pierre\u0301"
                })
        @DisplayName(
                "R-REC-2: names with particles, apostrophes, hyphens, accents or one non-Latin script are accepted")
        void acceptedNames(String name) {
            var checked = RULES.check(b(d -> d.lastName = name), PatronKind.B, Actor.PUBLIC);

            assertThat(checked.lastName()).isNotBlank();
        }

        @Test
        @DisplayName("R-REC-2: a name of exactly 100 characters is accepted, 101 is too long")
        void nameLengthLimit() {
            var hundred = "A" + "b".repeat(PatronRules.NAME_MAX - 1);
            assertThat(RULES.check(b(d -> d.lastName = hundred), PatronKind.B, Actor.STAFF)
                            .lastName())
                    .hasSize(PatronRules.NAME_MAX);
            assertThat(violationsOfB(d -> d.lastName = hundred + "c"))
                    .containsExactly(v("lastName", "name.too-long", PatronRules.NAME_MAX));
        }

        static Stream<Arguments> hostileNames() {
            return Stream.of(
                    arguments("a".repeat(10_000), "name.too-long"),
                    arguments("Jean2", "name.digits"),
                    arguments("Jean-Pierre 2", "name.digits"),
                    arguments("Jean٢", "name.digits"),
                    arguments("<script>", "name.characters"),
                    arguments("<b>Jean</b>", "name.characters"),
                    arguments("Robert'); DROP TABLE patron;--", "name.characters"),
                    arguments("Jean 😀", "name.characters"),
                    arguments("Jean_Pierre", "name.characters"),
                    arguments("---", "name.characters"),
                    arguments("' .", "name.characters"),
                    arguments("\u202EnaeJ", "text.invisible-characters"),
                    arguments("Jean\u202E", "text.invisible-characters"),
                    arguments("Jean\u2066Pierre", "text.invisible-characters"),
                    arguments("Jean\nPierre", "text.invisible-characters"),
                    arguments("Jean\tPierre", "text.invisible-characters"),
                    arguments("Jean\u200BPierre", "text.invisible-characters"),
                    arguments("\uFEFFJean", "text.invisible-characters"),
                    arguments("Jean\u0000", "text.invisible-characters"),
                    arguments("J\u043Ehn", "name.mixed-scripts"),
                    arguments("Jean \u0418ванов", "name.mixed-scripts"),
                    arguments("P\u0430ul", "name.mixed-scripts"));
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @MethodSource("hostileNames")
        @DisplayName("R-REC-2: hostile first and last names are refused with the reason")
        void hostileNames(String name, String code) {
            assertThat(violationsOfB(d -> d.firstName = name))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("firstName", code));
            assertThat(violationsOfB(d -> d.lastName = name))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lastName", code));
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"3164", "115F", "FFA0"})
        @DisplayName("R-REC-2: a name made only of an invisible filler letter is refused, not stored as a blank name")
        void invisibleFillerName(String hex) {
            var filler = Character.toString(Integer.parseInt(hex, 16));

            assertThat(violationsOfB(d -> d.firstName = filler))
                    .extracting(Violation::field)
                    .containsExactly("firstName");
        }
    }

    @Nested
    @DisplayName("Birth date (R-REC-2)")
    class BirthDate {

        @Test
        @DisplayName("R-REC-2: a birth date in the future is refused")
        void future() {
            assertThat(violationsOfB(d -> d.birthDate = TODAY.plusDays(1)))
                    .containsExactly(v("birthDate", "birth-date.future"));
            assertThat(violationsOfB(d -> d.birthDate = LocalDate.of(9999, 12, 31)))
                    .containsExactly(v("birthDate", "birth-date.future"));
        }

        @Test
        @DisplayName("R-REC-2: a birth date 130 years ago (or any before 120 years) is refused")
        void tooOld() {
            assertThat(violationsOfB(d -> d.birthDate = TODAY.minusYears(130)))
                    .containsExactly(v("birthDate", "birth-date.too-old", PatronRules.MAX_AGE_YEARS));
            assertThat(violationsOfB(d -> d.birthDate = TODAY.minusYears(120).minusDays(1)))
                    .containsExactly(v("birthDate", "birth-date.too-old", PatronRules.MAX_AGE_YEARS));
            assertThat(violationsOfB(d -> d.birthDate = LocalDate.of(1, 1, 1)))
                    .containsExactly(v("birthDate", "birth-date.too-old", PatronRules.MAX_AGE_YEARS));
        }

        @Test
        @DisplayName("R-REC-2: today and exactly 120 years ago are accepted")
        void limits() {
            assertThat(RULES.check(b(d -> d.birthDate = TODAY), PatronKind.B, Actor.STAFF)
                            .birthDate())
                    .isEqualTo(TODAY);
            assertThat(RULES.check(b(d -> d.birthDate = TODAY.minusYears(120)), PatronKind.B, Actor.STAFF)
                            .birthDate())
                    .isEqualTo(TODAY.minusYears(120));
        }
    }

    @Nested
    @DisplayName("User groups (R-GRP-1)")
    class UserGroups {

        @ParameterizedTest(name = "{0} with [{1}]")
        @CsvSource(delimiter = '|', textBlock = """
                B  | Personnel ULiège
                B  | Étudiant ULiège
                B  | Personnel CHU
                BX | Personnel ULiège
                BX | Étudiant ULiège
                """)
        @DisplayName("R-GRP-1: an external patron can never have a university user group")
        void universityGroupForExternal(PatronKind kind, String group) {
            var draft = kind == PatronKind.B ? b(d -> d.userGroup = group) : bx(d -> d.userGroup = group);

            assertThat(violations(draft, kind)).containsExactly(v("userGroup", "user-group.university-for-external"));
        }

        @Test
        @DisplayName("R-GRP-1: BX patrons are in \"Usager BX - PIB\", not \"Extérieur\"")
        void bxNotExterieur() {
            assertThat(violations(bx(d -> d.userGroup = "Extérieur"), PatronKind.BX))
                    .containsExactly(v("userGroup", "user-group.not-for-kind", "BX"));
        }

        @Test
        @DisplayName("R-GRP-1: B patrons are not in the BX group")
        void bNotInBxGroup() {
            assertThat(violationsOfB(d -> d.userGroup = "Usager BX - PIB"))
                    .containsExactly(v("userGroup", "user-group.not-for-kind", "B"));
        }

        @Test
        @DisplayName("R-GRP-1: B may be in \"Société, entreprise, profession juridique\"")
        void bCompanyGroup() {
            assertThat(RULES.check(
                                    b(d -> d.userGroup = "Société, entreprise, profession juridique"),
                                    PatronKind.B,
                                    Actor.STAFF)
                            .userGroup())
                    .isEqualTo("Société, entreprise, profession juridique");
        }

        @Test
        @DisplayName("R-GRP-1: university people are not put in an external group")
        void universityPatronInExternalGroup() {
            assertThat(violations(u(d -> d.userGroup = "Extérieur"), PatronKind.U))
                    .containsExactly(v("userGroup", "user-group.not-for-kind", "U"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"VIP", "exterieur", "EXTÉRIEUR", "Extérieur\u200B", "Personnel ULiege"})
        @DisplayName("R-GRP-1: a group that is not in the configured list is refused")
        void unknownGroup(String group) {
            assertThat(violationsOfB(d -> d.userGroup = group)).containsExactly(v("userGroup", "user-group.unknown"));
        }
    }

    @Nested
    @DisplayName("Job categories and descriptions (R-GRP-2, R-GRP-3)")
    class Jobs {

        @Test
        @DisplayName("R-GRP-2: a category that is not in the list is refused")
        void unknownCategory() {
            assertThat(violationsOfB(d -> d.jobCategory = "ASTRONAUTE"))
                    .containsExactly(v("jobCategory", "job-category.unknown"));
        }

        @Test
        @DisplayName("R-GRP-2: BX patrons take only \"SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE\" or \"Aucun\"")
        void bxCategories() {
            assertThat(violations(bx(d -> d.jobCategory = "AUTRE HE / UNIV"), PatronKind.BX))
                    .containsExactly(v("jobCategory", "job-category.not-for-kind", "BX"));
            assertThat(RULES.check(
                                    bx(d -> {
                                        d.jobCategory = "Aucun";
                                        d.jobDescription = null;
                                    }),
                                    PatronKind.BX,
                                    Actor.STAFF)
                            .jobCategory())
                    .isEqualTo("Aucun");
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "",
                    " ",
                    "-",
                    "--",
                    "xxx",
                    "XXX",
                    "x",
                    "n/a",
                    "N/A",
                    "n.a.",
                    "NA",
                    "aucun",
                    "Aucune",
                    "néant",
                    "NÉANT",
                    "rien",
                    "none",
                    "test",
                    "TBD",
                    "...",
                    "???",
                    "0000",
                    "idem",
                    "autre",
                    "inconnu",
                    "à compléter",
                    "N/C",
                    "n.c.",
                    "N/D"
                })
        @DisplayName("R-GRP-3: a capital-letter category refuses an empty or placeholder description")
        void placeholderDescriptions(String description) {
            assertThat(violationsOfB(d -> d.jobDescription = description))
                    .containsExactly(v("jobDescription", "job-description.detail-required", "AUTRE HE / UNIV"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "Haute École de la Province de Liège",
                    "KU Leuven, master geschiedenis",
                    "Athénée royal de Chênée",
                    "ULB",
                    "HEC Liège",
                    "Cabinet d'avocats Gérard & Associés"
                })
        @DisplayName("R-GRP-3: a description naming the school, company or profession is accepted")
        void realDescriptions(String description) {
            assertThat(RULES.check(b(d -> d.jobDescription = description), PatronKind.B, Actor.STAFF)
                            .jobDescription())
                    .isEqualTo(description);
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "AUTRE HE / UNIV",
                    "ECOLE SECONDAIRE",
                    "PROMOTION SOCIALE",
                    "UNIVERSITE FLAMANDE",
                    "UNIGR",
                    "SOCIÉTÉ",
                    "ENTREPRISE, PROFESSION JURIDIQUE",
                    "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE"
                })
        @DisplayName("R-GRP-3: every capital-letter category needs a real description")
        void everyCapitalCategoryNeedsDetail(String category) {
            assertThat(violationsOfB(d -> {
                        d.jobCategory = category;
                        d.jobDescription = "-";
                    }))
                    .containsExactly(v("jobDescription", "job-description.detail-required", category));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"retraité", "Aucun", "enseignant", "chercheur"})
        @DisplayName("R-GRP-3: everyday categories need no description")
        void everydayCategoriesNeedNoDescription(String category) {
            assertThat(RULES.check(
                                    b(d -> {
                                        d.jobCategory = category;
                                        d.jobDescription = null;
                                    }),
                                    PatronKind.B,
                                    Actor.STAFF)
                            .jobDescription())
                    .isNull();
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"Alumni 2020", "Alumni 1990", "Alumni 2026", "  Alumni   2012 "})
        @DisplayName("R-GRP-3: alumni are described as \"Alumni <year of last degree>\"")
        void alumniAccepted(String description) {
            var checked = RULES.check(
                    b(d -> {
                        d.jobCategory = "Alumni ULiège";
                        d.jobDescription = description;
                    }),
                    PatronKind.B,
                    Actor.STAFF);

            assertThat(checked.jobDescription()).matches("Alumni \\d{4}");
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
                Alumni           | job-description.alumni
                ancien           | job-description.alumni
                Ancien étudiant  | job-description.alumni
                Alumni 20        | job-description.alumni
                Alumni 20201     | job-description.alumni
                2020             | job-description.alumni
                Alumni 2020 ULB  | job-description.alumni
                NULL             | job-description.alumni
                Alumni 3020      | job-description.alumni-year
                Alumni 2027      | job-description.alumni-year
                Alumni 1816      | job-description.alumni-year
                Alumni 0000      | job-description.alumni-year
                """)
        @DisplayName("R-GRP-3: anything else than \"Alumni <plausible year>\" is refused for alumni")
        void alumniRefused(String description, String code) {
            assertThat(violationsOfB(d -> {
                        d.jobCategory = "Alumni ULiège";
                        d.jobDescription = description;
                    }))
                    .containsExactly(v("jobDescription", code));
        }

        @Test
        @DisplayName("R-GRP-3: a 10,000-character or disguised description is refused")
        void hostileDescriptions() {
            assertThat(violationsOfB(d -> d.jobDescription = "École ".repeat(2_000)))
                    .containsExactly(v("jobDescription", "text.too-long", PatronRules.DESCRIPTION_MAX));
            assertThat(violationsOfB(d -> d.jobDescription = "Haute École\u202E egèiL"))
                    .containsExactly(v("jobDescription", "text.invisible-characters"));
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"000A", "0009", "000D"})
        @DisplayName("R-GRP-3: a line break or tab in a description never reaches the record")
        void controlCharactersInDescription(String hex) {
            var typed = "Haute" + Character.toString(Integer.parseInt(hex, 16)) + "École";
            try {
                var checked = RULES.check(b(d -> d.jobDescription = typed), PatronKind.B, Actor.STAFF);
                assertThat(checked.jobDescription()).isEqualTo("Haute École");
            } catch (PatronRuleException e) {
                assertThat(e.violations()).containsExactly(v("jobDescription", "text.invisible-characters"));
            }
        }

        @Test
        @DisplayName("R-REC-1: an unknown resource sharing library is refused")
        void unknownLibrary() {
            assertThat(violationsOfB(d -> d.library = "Some other library"))
                    .containsExactly(v("resourceSharingLibrary", "resource-sharing-library.unknown"));
        }
    }

    @Nested
    @DisplayName("E-mail (R-CON-1, R-CON-3)")
    class Emails {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "john@uliege.be",
                    "john@ULIEGE.BE",
                    "john@student.uliege.be",
                    "john@ulg.ac.be",
                    "john@chuliege.be",
                    "john@Sub.Dept.ULg.ac.be",
                    "john@uliege.be.",
                    "john@ulg.\u0430\u0441.be",
                    "john@ｕｌｉｅｇｅ.be"
                })
        @DisplayName("R-CON-1: an external patron (B) may not use a university address")
        void universityAddressForB(String address) {
            assertThat(violationsOfB(d -> d.contacts.set(0, email(address))))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.field()).isEqualTo(EMAIL + ".value");
                        assertThat(e.code()).isEqualTo("email.university");
                    });
        }

        @Test
        @DisplayName("R-CON-1: a BX patron may not use a university address either")
        void universityAddressForBX() {
            assertThat(violations(bx(d -> d.contacts.set(0, email("m.lambert@uliege.be"))), PatronKind.BX))
                    .containsExactly(v(EMAIL + ".value", "email.university", "uliege.be"));
        }

        @ParameterizedTest(name = "{0} with [{1}]")
        @CsvSource(delimiter = '|', textBlock = """
                U | jp.lemaire@uliege.be
                U | jp.lemaire@ULiege.be
                C | f.elamrani@chuliege.be
                """)
        @DisplayName("R-CON-1: university people keep their university address")
        void universityAddressForUniversityPeople(PatronKind kind, String address) {
            var draft = u(d -> {
                d.contacts.set(0, email(address));
                if (kind == PatronKind.C) {
                    d.userGroup = "Personnel CHU";
                    d.jobCategory = "Personnel CHU";
                }
            });
            assertThat(RULES.check(draft, kind, Actor.LOAD)
                            .contacts()
                            .getFirst()
                            .value())
                    .isEqualTo(address.substring(0, address.indexOf('@') + 1)
                            + address.substring(address.indexOf('@') + 1).toLowerCase());
        }

        @Test
        @DisplayName("R-CON-1: a student keeps the student address")
        void studentAddress() {
            var student = new PatronDraft(
                    "Élodie",
                    "Dupré",
                    Gender.F,
                    LocalDate.of(2003, 4, 12),
                    Language.FRE,
                    "Étudiant ULiège",
                    "Étudiant ULiège",
                    null,
                    null,
                    null,
                    "P201234",
                    List.of(email("elodie.dupre@student.uliege.be")));

            assertThat(RULES.check(student, PatronKind.S, Actor.LOAD).contacts())
                    .extracting(CheckedContact::value)
                    .containsExactly("elodie.dupre@student.uliege.be");
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                sophie.janssens           | email.format
                sophie@@skynet.be         | email.format
                sophie @skynet.be         | email.characters
                élodie@skynet.be          | email.local-ascii
                sophie@example.com        | email.domain-cannot-receive
                sophie@uli\u0435ge.be     | email.domain-mixed-scripts
                """)
        @DisplayName("R-CON-1: an invalid e-mail is named with its contact and reason")
        void invalidEmail(String address, String code) {
            assertThat(violationsOfB(d -> d.contacts.set(0, email(address))))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple(EMAIL + ".value", code));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(
                strings = {
                    "prtALP2@uliege.be",
                    "prtBSA1@uliege.be",
                    "prtBST1@uliege.be",
                    "prtBSV2@uliege.be",
                    "prtGRA1@uliege.be",
                    "PRTALP2@ULIEGE.BE"
                })
        @DisplayName("R-CON-3: staff may give a patron without e-mail the site printer's address, typed PRINTER")
        void printerByStaff(String printer) {
            var checked = RULES.check(
                    b(d -> d.contacts.set(0, ContactDraft.email(printer, ContactUsage.PRINTER))),
                    PatronKind.B,
                    Actor.STAFF);

            assertThat(checked.contacts().getFirst().usage()).isEqualTo(ContactUsage.PRINTER);
            assertThat(checked.contacts().getFirst().value()).isEqualToIgnoringCase(printer);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Actor.class,
                names = {"PUBLIC", "LOAD"})
        @DisplayName("R-CON-3: only staff may choose a printer address")
        void printerNotByOthers(Actor actor) {
            assertThat(violations(
                            b(d -> d.contacts.set(0, ContactDraft.email("prtALP2@uliege.be", ContactUsage.PRINTER))),
                            PatronKind.B,
                            actor))
                    .containsExactly(v(EMAIL + ".value", "email.printer-staff-only"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"prtXYZ9@uliege.be", "prtALP3@uliege.be", "jean.dupont@skynet.be", "rector@uliege.be"})
        @DisplayName("R-CON-3: a PRINTER e-mail must be one of the configured site printers")
        void unknownPrinter(String address) {
            assertThat(violationsOfB(d -> d.contacts.set(0, ContactDraft.email(address, ContactUsage.PRINTER))))
                    .containsExactly(v(EMAIL + ".value", "email.printer-unknown"));
        }

        @Test
        @DisplayName("R-CON-3: a printer address typed as a personal e-mail is refused, asking for the PRINTER type")
        void printerNeedsType() {
            assertThat(violationsOfB(d -> d.contacts.set(0, email("prtALP2@uliege.be"))))
                    .containsExactly(v(EMAIL + ".value", "email.printer-needs-type", "uliege.be"));
        }
    }

    @Nested
    @DisplayName("Phones (R-CON-2)")
    class Phones {

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                0475 12 34 56       | 32475123456
                +32 475 12 34 56    | 32475123456
                04/223.45.67        | 3242234567
                +33 6 12 34 56 78   | 33612345678
                """)
        @DisplayName("R-CON-2: phones are stored as digits only")
        void storedAsDigits(String typed, String digits) {
            var checked = RULES.check(b(d -> d.contacts.set(1, phone(typed))), PatronKind.B, Actor.STAFF);

            assertThat(checked.contacts().get(1).value()).isEqualTo(digits);
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                0475 CALL ME   | phone.letters
                047512345      | phone.invalid
                0475#123456    | phone.characters
                '   '          | phone.required
                """)
        @DisplayName("R-CON-2: a wrong phone is named with its contact and reason")
        void wrongPhone(String typed, String code) {
            assertThat(violationsOfB(d -> d.contacts.set(1, phone(typed)))).containsExactly(v(PHONE + ".value", code));
        }

        @Test
        @DisplayName("R-CON-2: a phone without a value is required, and a 10,000-digit one is too long")
        void nullAndHugePhone() {
            assertThat(violationsOfB(d -> d.contacts.set(
                            1, new ContactDraft(ContactKind.PHONE, ContactUsage.MOBILE, true, null, null, null, null))))
                    .containsExactly(v(PHONE + ".value", "phone.required"));
            assertThat(violationsOfB(d -> d.contacts.set(1, phone("4".repeat(10_000)))))
                    .containsExactly(v(PHONE + ".value", "phone.too-long"));
        }
    }

    @Nested
    @DisplayName("Postal addresses (R-CON-4)")
    class Addresses {

        private List<Violation> withAddress(ContactDraft address) {
            return violationsOfB(d -> d.contacts.set(2, address));
        }

        @ParameterizedTest(name = "[{0}] {1} [{2}]")
        @CsvSource(delimiter = '|', textBlock = """
                Place du 20-Août 7               | 4000 | Liège
                Rue de la Cathédrale 12 bte 3    | 4000 | LIEGE
                Quai Roosevelt 1b                | 4000 | Luik
                Avenue Louise 200                | 1050 | Ixelles
                Grand-Place 1                    | 1000 | Brussel
                Korenmarkt 1                     | 9000 | Gand
                Rue de l'Église 3                | 4032 | Chênée
                """)
        @DisplayName("R-CON-4: a Belgian address with number, existing code and one of its localities is accepted")
        void belgianAddress(String line1, String code, String city) {
            var checked = RULES.check(
                    b(d -> d.contacts.set(2, address(line1, code, city, "BE"))), PatronKind.B, Actor.PUBLIC);

            assertThat(checked.contacts().get(2)).satisfies(a -> {
                assertThat(a.value()).isEqualTo(line1);
                assertThat(a.postalCode()).isEqualTo(code);
                assertThat(a.country()).isEqualTo("BE");
            });
            assertThat(checked.warnings()).isEmpty();
        }

        @Test
        @DisplayName("R-CON-4: an address without a country is Belgian, and the country is stored in upper case")
        void countryDefaultsToBelgium() {
            var checked = RULES.check(
                    b(d -> d.contacts.set(2, address("Rue Louvrex 55", "4000", "Liège", null))),
                    PatronKind.B,
                    Actor.STAFF);
            assertThat(checked.contacts().get(2).country()).isEqualTo("BE");
            assertThat(withAddress(address("Rue Louvrex", "4000", "Liège", "")))
                    .containsExactly(v(ADDRESS + ".value", "address.line1.house-number"));
            assertThat(withAddress(address("Rue Louvrex", "4000", "Liège", "be")))
                    .containsExactly(v(ADDRESS + ".value", "address.line1.house-number"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"Rue Louvrex", "Rue de l'Église", "Boulevard d'Avroy bte A", "Place Saint-Lambert"})
        @DisplayName("R-CON-4: a Belgian first line without a house number is refused")
        void noHouseNumber(String line1) {
            assertThat(withAddress(address(line1, "4000", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".value", "address.line1.house-number"));
        }

        @Test
        @DisplayName("R-CON-4: an unknown Belgian postal code is refused, naming the code")
        void unknownPostalCode() {
            assertThat(withAddress(address("Rue Louvrex 55", "9999", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".postalCode", "address.postal-code.unknown", "9999"));
        }

        @Test
        @DisplayName("R-CON-4: a special (institution) postal code is not a home address")
        void specialPostalCode() {
            assertThat(withAddress(address("Rue de la Loi 16", "1005", "Bruxelles", "BE")))
                    .containsExactly(v(ADDRESS + ".postalCode", "address.postal-code.not-residential", "1005"));
        }

        @Test
        @DisplayName("R-CON-4: a city that is not a locality of the code is refused, suggesting the code's localities")
        void wrongCity() {
            var found = withAddress(address("Rue Louvrex 55", "4000", "Namur", "BE"));

            assertThat(found).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo(ADDRESS + ".city");
                assertThat(e.code()).isEqualTo("address.city.mismatch");
                assertThat(e.args()).hasSize(2).first().isEqualTo("4000");
                assertThat((String) e.args().get(1)).contains("LIÈGE", "Glain", "Rocourt");
            });
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"40000", "400", "4OOO", "B-4000", "４０００", "4000\u200B", "-400"})
        @DisplayName("R-CON-4: a Belgian postal code is four digits")
        void belgianPostalCodeFormat(String code) {
            assertThat(withAddress(address("Rue Louvrex 55", code, "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".postalCode", "address.postal-code.format"));
        }

        @Test
        @DisplayName("R-CON-4: street line, postal code and city are each required, all named together")
        void partsRequired() {
            assertThat(withAddress(new ContactDraft(ContactKind.ADDRESS, ContactUsage.HOME, true, " ", null, "", "BE")))
                    .containsExactlyInAnyOrder(
                            v(ADDRESS + ".value", "address.line1.required"),
                            v(ADDRESS + ".city", "address.city.required"),
                            v(ADDRESS + ".postalCode", "address.postal-code.required"));
        }

        @Test
        @DisplayName("R-CON-4: an address needs its type like every contact")
        void usageRequired() {
            assertThat(withAddress(
                            new ContactDraft(ContactKind.ADDRESS, null, true, "Rue Louvrex 55", "4000", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".usage", "contact.usage-required"));
        }

        @ParameterizedTest(name = "{3}: [{0}] {1} [{2}]")
        @CsvSource(delimiter = '|', textBlock = """
                12 rue de Rivoli          | 75001    | Paris       | FR
                Rue de Rivoli             | 75001    | Paris       | fr
                Kalverstraat 1            | 1012 NX  | Amsterdam   | NL
                Domkloster 4              | 50667    | Köln        | DE
                1 Infinite Loop           | CA 95014 | Cupertino   | US
                """)
        @DisplayName("R-CON-4: a foreign address is accepted with a warning for staff")
        void foreignAddress(String line1, String code, String city, String country) {
            var checked = RULES.check(
                    b(d -> d.contacts.set(2, address(line1, code, city, country))), PatronKind.B, Actor.PUBLIC);

            assertThat(checked.contacts().get(2).country()).isEqualTo(country.toUpperCase());
            assertThat(checked.warnings()).containsExactly(v(ADDRESS + ".country", "address.foreign"));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"XX", "ZZ", "FRA", "France", "B", "E\u200BS", "UK"})
        @DisplayName("R-CON-4: an unknown country code is refused")
        void unknownCountry(String country) {
            assertThat(withAddress(address("12 rue de Rivoli", "75001", "Paris", country)))
                    .contains(v(ADDRESS + ".country", "address.country.unknown"));
        }

        @Test
        @DisplayName("R-CON-4: a foreign postal code is checked for length and invisible characters only")
        void foreignPostalCode() {
            assertThat(withAddress(address("12 rue de Rivoli", "7".repeat(17), "Paris", "FR")))
                    .containsExactly(v(ADDRESS + ".postalCode", "address.postal-code.format"));
            assertThat(withAddress(address("12 rue de Rivoli", "75001\u202E", "Paris", "FR")))
                    .containsExactly(v(ADDRESS + ".postalCode", "address.postal-code.format"));
        }

        @Test
        @DisplayName("R-CON-4: 10,000-character street or city lines are refused as too long")
        void hugeLines() {
            assertThat(withAddress(address("Rue " + "a".repeat(10_000) + " 1", "4000", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".value", "text.too-long", PatronRules.ADDRESS_LINE_MAX));
            assertThat(withAddress(address("Rue Louvrex 55", "4000", "L" + "i".repeat(10_000), "BE")))
                    .containsExactly(v(ADDRESS + ".city", "text.too-long", PatronRules.CITY_MAX));
        }

        @Test
        @DisplayName("R-CON-4: invisible or control characters in the street or city are refused")
        void invisibleInAddress() {
            assertThat(withAddress(address("Rue Louvrex 55\u202E", "4000", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".value", "text.invisible-characters"));
            assertThat(withAddress(address("Rue Louvrex 55\nbte 2", "4000", "Liège", "BE")))
                    .containsExactly(v(ADDRESS + ".value", "text.invisible-characters"));
            assertThat(withAddress(address("Rue Louvrex 55", "4000", "Li\u200Bège", "BE")))
                    .containsExactly(v(ADDRESS + ".city", "text.invisible-characters"));
        }
    }

    @Nested
    @DisplayName("Expiration date (R-REC-4)")
    class Expiration {

        @Test
        @DisplayName("R-REC-4: without an expiration date, a B gets one year from today")
        void defaultForB() {
            assertThat(RULES.check(TestSettings.validB(), PatronKind.B, Actor.STAFF)
                            .expirationDate())
                    .isEqualTo(LocalDate.of(2027, 11, 22));
        }

        @Test
        @DisplayName(
                "R-REC-4: without an expiration date, a BX gets one year and a U gets 31 December of next year (from October)")
        void defaultForBxAndU() {
            assertThat(RULES.check(TestSettings.validBX(), PatronKind.BX, Actor.STAFF)
                            .expirationDate())
                    .isEqualTo(LocalDate.of(2027, 11, 22));
            assertThat(RULES.check(TestSettings.validU(), PatronKind.U, Actor.LOAD)
                            .expirationDate())
                    .isEqualTo(LocalDate.of(2027, 12, 31));
        }

        @Test
        @DisplayName("R-REC-4: a given expiration date is kept")
        void givenDateKept() {
            var given = LocalDate.of(2027, 6, 30);

            assertThat(RULES.check(TestSettings.validB().withExpirationDate(given), PatronKind.B, Actor.STAFF)
                            .expirationDate())
                    .isEqualTo(given);
        }
    }

    @Nested
    @DisplayName("University key (R-ID-5)")
    class UniversityKey {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"P-001234", "P 001234", "P001234\u200B", "<script>"})
        @DisplayName("R-ID-5: the university key holds letters and digits only")
        void format(String key) {
            assertThat(violations(u(d -> d.universityKey = key), PatronKind.U))
                    .containsExactly(v("universityKey", "university-key.format"));
        }

        @Test
        @DisplayName("R-ID-5: the university key is kept for the nightly load's match")
        void kept() {
            assertThat(RULES.check(TestSettings.validU(), PatronKind.U, Actor.LOAD)
                            .universityKey())
                    .isEqualTo("P001234");
        }
    }

    @Nested
    @DisplayName("One contact item at a time (R-EXT-2)")
    class SingleContact {

        @Test
        @DisplayName("R-CON-2: a local phone added on its own is stored as digits")
        void phoneAlone() {
            assertThat(RULES.checkContact(phone("+32 475 12 34 56"), PatronKind.U, Actor.STAFF)
                            .value())
                    .isEqualTo("32475123456");
        }

        @Test
        @DisplayName("R-CON-1: a local e-mail added on its own to a B is still refused when it is the university's")
        void universityEmailAlone() {
            assertThatThrownBy(() -> RULES.checkContact(email("x@uliege.be"), PatronKind.B, Actor.STAFF))
                    .isInstanceOfSatisfying(
                            PatronRuleException.class,
                            e -> assertThat(e.violations())
                                    .containsExactly(v("contact.value", "email.university", "uliege.be")));
        }

        @Test
        @DisplayName("R-CON-4: a local address added on its own is checked against bpost's list")
        void addressAlone() {
            assertThatThrownBy(() -> RULES.checkContact(
                            address("Rue Louvrex 55", "9999", "Liège", "BE"), PatronKind.U, Actor.STAFF))
                    .isInstanceOfSatisfying(
                            PatronRuleException.class,
                            e -> assertThat(e.violations())
                                    .containsExactly(v("contact.postalCode", "address.postal-code.unknown", "9999")));
        }
    }
}
