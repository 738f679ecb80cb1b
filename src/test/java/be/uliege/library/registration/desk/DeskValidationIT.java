package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.as;
import static be.uliege.library.registration.desk.DeskFixtures.confirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.AccountType;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.PatronSummary;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.TakeOverComparison;
import be.uliege.library.registration.patron.TakeOverComparison.Change;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Validating people at the desk (R-DESK-3, R-DESK-5, R-CNV-1): a former student who pre-registered
 * as an external reader is converted by a desk manager — never duplicated, never by an operator —
 * and a walk-in is registered only once the records that may be the same person were looked at.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class DeskValidationIT {

    static final String DESK_B = "B\\d{6}";

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    PatronContacts contacts;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    IdentityChecks identityChecks;

    @Autowired
    DuplicateSearch duplicates;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    static String letters(int length) {
        var hex = UUID.randomUUID().toString().replace("-", "");
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        }
        return text.toString();
    }

    /** A former student as the nightly load made the record: S identifier, university group, key and e-mail. */
    PatronDetails formerStudent(PatronDetails person, String universityKey, String universityEmail) {
        for (int attempt = 0; ; attempt++) {
            var identifier =
                    "S" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            try {
                return SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                        identifier,
                        new PatronDraft(
                                person.firstName(),
                                person.lastName(),
                                person.gender(),
                                person.birthDate(),
                                Language.FRE,
                                "Étudiant ULiège",
                                "Étudiant ULiège",
                                null,
                                null,
                                LibraryDay.today().minusYears(2),
                                universityKey,
                                List.of(ContactDraft.email(universityEmail, ContactUsage.WORK))),
                        PatronStatus.INACTIVE,
                        PatronRules.Actor.LOAD));
            } catch (PatronRuleException e) {
                if (attempt > 20 || !e.violations().getFirst().code().equals("identifier.taken")) {
                    throw e;
                }
            }
        }
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    static void assertDeskIdentifier(String identifier) {
        assertThat(identifier).matches(DESK_B).doesNotStartWith("B95");
        assertThat(Integer.parseInt(identifier.substring(1))).isBetween(100_000, 949_999);
    }

    @Test
    void rCnv1_aFormerStudentComingBackIsConverted_byADeskManagerOnly() {
        var entry = confirmed(registrations, jdbc, "Célestine", "Ancienne-" + letters(8), Use.PRIVATE);
        var preRegistered = patrons.details(entry.patronId());
        var universityKey = "P" + letters(6)
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var universityEmail = "c." + letters(10) + "@student.uliege.be";
        var former = formerStudent(preRegistered, universityKey, universityEmail);
        assertThat(former.accountType()).isEqualTo(AccountType.EXTERNAL);
        assertThat(former.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.UNIVERSITY_KEY, universityKey));
        // The person is found among the candidates of the pre-registration (the desk is prompted, R-CNV-1).
        assertThat(duplicates.candidates(preRegistered.draft(), preRegistered.id()))
                .anySatisfy(c -> assertThat(c.id()).isEqualTo(former.id()));

        // The data given now: the pre-registration's, with a job the desk corrected.
        var given = preRegistered.draft();
        var data = new PatronDraft(
                given.firstName(),
                given.lastName(),
                given.gender(),
                given.birthDate(),
                given.preferredLanguage(),
                given.userGroup(),
                "AUTRE HE / UNIV",
                "Haute École de la Province de Liège",
                given.resourceSharingLibrary(),
                null,
                null,
                given.contacts());

        // An operator may not convert: refused, and nothing of the attempt is left.
        assertThatThrownBy(() -> validation.takeOver(
                        entry.id(),
                        former.id(),
                        former.version(),
                        data,
                        TakeOverComparison.Field.choosableFields(),
                        IdentityDocument.PASSPORT))
                .isInstanceOf(AccessDeniedException.class);
        var untouched = patrons.details(former.id());
        assertThat(untouched.primaryIdentifier()).isEqualTo(former.primaryIdentifier());
        assertThat(untouched.version()).isEqualTo(former.version());
        assertThat(count("select count(*) from patron where id = ?", entry.patronId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from pre_registration where id = ?", String.class, entry.id()))
                .isEqualTo("CONFIRMED");
        assertThat(fees.registrationFees(former.id())).isEmpty();
        assertThat(identityChecks.identityChecks(former.id())).isEmpty();

        // A desk manager converts it, taking every value given now.
        var converted = as(
                "manager",
                () -> validation.takeOver(
                        entry.id(),
                        former.id(),
                        former.version(),
                        data,
                        TakeOverComparison.Field.choosableFields(),
                        IdentityDocument.PASSPORT),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);

        assertThat(converted.id()).isEqualTo(former.id());
        assertDeskIdentifier(converted.primaryIdentifier());
        assertThat(converted.kind()).isEqualTo(PatronKind.B);
        assertThat(converted.status()).isEqualTo(PatronStatus.INACTIVE);
        // Detached from the nightly load, the old identifiers kept (R-ID-4).
        assertThat(converted.accountType()).isEqualTo(AccountType.INTERNAL);
        assertThat(converted.universityKey()).isNull();
        assertThat(converted.identifiers())
                .contains(
                        new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, former.primaryIdentifier()),
                        new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, entry.identifier()),
                        new PatronDetails.Identifier(IdentifierType.UNIVERSITY_KEY, universityKey));
        assertThat(converted.institutionalRecord()).isTrue();
        assertThat(converted.owningSystem()).isEqualTo("Public externe (Users B et BX)");
        // The group and job given now; no university e-mail left, only the contact items given now.
        assertThat(converted.userGroup()).isEqualTo("Extérieur");
        assertThat(converted.jobCategory()).isEqualTo("AUTRE HE / UNIV");
        assertThat(converted.jobDescription()).isEqualTo("Haute École de la Province de Liège");
        assertThat(converted.contacts())
                .extracting(PatronDetails.Contact::display)
                .contains(entry.email())
                .noneMatch(d -> d.contains("uliege.be"));
        assertThat(converted.contacts())
                .extracting(PatronDetails.Contact::source)
                .containsOnly(ContactSource.LOCAL);
        assertThat(jdbc.queryForList(
                        "select item_value from contact_item where patron_id = ?", String.class, former.id()))
                .noneMatch(v -> v.toLowerCase().contains("uliege.be"));
        // The pre-registered record is gone with its entry; the person is one record.
        assertThat(count("select count(*) from patron where id = ?", entry.patronId()))
                .isZero();
        assertThat(count("select count(*) from pre_registration where id = ?", entry.id()))
                .isZero();
        // Fee charged, identity check recorded, by the manager.
        assertThat(fees.registrationFees(former.id())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FeeStatus.OPEN);
            assertThat(f.amount()).isEqualByComparingTo("5.00");
        });
        assertThat(jdbc.queryForList(
                        "select patron_identifier from fee where patron_id = ?", String.class, former.id()))
                .containsOnly(converted.primaryIdentifier());
        assertThat(identityChecks.identityChecks(former.id())).singleElement().satisfies(c -> {
            assertThat(c.document()).isEqualTo(IdentityDocument.PASSPORT);
            assertThat(c.checkedBy()).isEqualTo("manager");
        });
        // The history says who changed the primary identifier, from what to what (R-REC-6).
        var history = patronHistory.lines(former.id());
        assertThat(history).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("primaryIdentifier");
            assertThat(h.oldValue()).isEqualTo(former.primaryIdentifier());
            assertThat(h.newValue()).isEqualTo(converted.primaryIdentifier());
            assertThat(h.changedBy()).isEqualTo("manager");
        });
        assertThat(history).filteredOn(h -> h.field().equals("accountType")).anySatisfy(h -> {
            assertThat(h.oldValue()).isEqualTo("EXTERNAL");
            assertThat(h.newValue()).isEqualTo("INTERNAL");
        });
        assertThat(history).extracting(HistoryLine::field).contains("universityKey", "userGroup", "identityCheck");
        // Every identifier the person had still finds the one record.
        for (var identifier : List.of(former.primaryIdentifier(), entry.identifier(), converted.primaryIdentifier())) {
            assertThat(patrons.search(identifier).patrons())
                    .as(identifier)
                    .extracting(PatronSummary::id)
                    .containsExactly(former.id());
        }

        // Then the registration step, as for any B patron: the directory account under the new identifier.
        fees.payCash(
                fees.registrationFees(former.id()).stream().map(FeeLine::id).toList(), "ALP");
        var outcome = step.register(former.id(), patrons.details(former.id()).version(), "ALP");
        assertThat(outcome.patron().status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(outcome.account().login()).isEqualTo(converted.primaryIdentifier());
    }

    @Test
    void rCnv4_aManagerRegistersABxWalkIn_withoutFee_andAnOperatorCannot() {
        var surname = "Juriste-" + letters(8);
        var bx = new PatronDraft(
                "Laurence",
                surname,
                Gender.F,
                LocalDate.of(1979, 4, 8),
                Language.FRE,
                "Usager BX - PIB",
                "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                "Cabinet Lambert & associés",
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(
                                "bx." + UUID.randomUUID().toString().substring(0, 10) + "@example.be",
                                ContactUsage.WORK),
                        ContactDraft.phone("04 221 00 11", ContactUsage.WORK),
                        ContactDraft.address("Boulevard Piercot 44", "4000", "Liège", "BE")));

        assertThatThrownBy(() -> DeskFixtures.as(
                        "operator",
                        () -> validation.registerWalkIn(bx, IdentityDocument.BELGIAN_ID_CARD, Set.of()),
                        Roles.DESK_OPERATOR))
                .as("BX patrons are a manager's decision")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from patron where last_name = ?", surname))
                .isZero();

        var created = DeskFixtures.as(
                "manager",
                () -> validation.registerWalkIn(bx, IdentityDocument.BELGIAN_ID_CARD, Set.of()),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
        assertThat(created.kind()).isEqualTo(PatronKind.BX);
        assertThat(created.primaryIdentifier()).matches("BX\\d{6}");
        assertThat(created.status())
                .as("active at once: no registration step activates a BX patron")
                .isEqualTo(be.uliege.library.registration.patron.PatronStatus.ACTIVE);
        assertThat(count("select count(*) from fee where patron_id = ?", created.id()))
                .as("no registration fee for BX")
                .isZero();
        assertThat(count("select count(*) from identity_check where patron_id = ?", created.id()))
                .isEqualTo(1);

        // A forged request straight to the patron service: refused to an operator too, nothing made.
        assertThatThrownBy(() -> DeskFixtures.as(
                        "operator", () -> patrons.registerAtDesk(PatronKind.BX, bx), Roles.DESK_OPERATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from patron where last_name = ?", surname))
                .as("only the manager's")
                .isEqualTo(1);
    }

    @Test
    void rDesk5_aWalkInIsRegisteredOnlyOnceTheRecordsThatMayBeThePersonWereSeen() {
        var surname = "Passant-" + letters(8);
        var email = "walkin." + UUID.randomUUID().toString().substring(0, 12) + "@example.be";
        var birth = LocalDate.of(1966, 10, 27);
        var existing = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Jean-Marc",
                        surname,
                        Gender.M,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE"))));
        // The same man at the desk, his first name typed another way, the same e-mail.
        var walkIn = new PatronDraft(
                "Jean Marc",
                surname,
                Gender.M,
                birth,
                Language.FRE,
                "Extérieur",
                "retraité",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(email, ContactUsage.PERSONAL),
                        ContactDraft.phone("0470 98 76 54", ContactUsage.MOBILE),
                        ContactDraft.address("Place du Marché 1", "4000", "Liège", "BE")));

        // Nobody looked at the existing record: refused, naming it, and nothing made.
        assertThatThrownBy(() -> validation.registerWalkIn(walkIn, IdentityDocument.BELGIAN_ID_CARD, Set.of()))
                .isInstanceOfSatisfying(
                        UnseenDuplicatesException.class,
                        e -> assertThat(e.candidates()).containsExactly(existing.id()));
        // Another record looked at does not count for this one.
        assertThatThrownBy(() -> validation.registerWalkIn(
                        walkIn, IdentityDocument.BELGIAN_ID_CARD, Set.of(existing.id() + 1_000_000)))
                .isInstanceOfSatisfying(
                        UnseenDuplicatesException.class,
                        e -> assertThat(e.candidates()).containsExactly(existing.id()));
        assertThat(count("select count(*) from patron where last_name = ?", surname))
                .isEqualTo(1);

        // The operator looked at it and decided it is someone else: a new B record from the desk range.
        var created = validation.registerWalkIn(walkIn, IdentityDocument.BELGIAN_ID_CARD, Set.of(existing.id()));
        assertThat(created.id()).isNotEqualTo(existing.id());
        assertDeskIdentifier(created.primaryIdentifier());
        assertThat(created.kind()).isEqualTo(PatronKind.B);
        assertThat(created.status()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(created.accountType()).isEqualTo(AccountType.INTERNAL);
        assertThat(fees.registrationFees(created.id())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FeeStatus.OPEN);
            assertThat(f.amount()).isEqualByComparingTo("5.00");
        });
        assertThat(identityChecks.identityChecks(created.id())).singleElement().satisfies(c -> {
            assertThat(c.document()).isEqualTo(IdentityDocument.BELGIAN_ID_CARD);
            assertThat(c.checkedBy()).isEqualTo("operator");
        });
        // The existing record is left as it was.
        var after = patrons.details(existing.id());
        assertThat(after.version()).isEqualTo(existing.version());
        assertThat(fees.registrationFees(existing.id())).isEmpty();
    }

    /** A walk-in's data: the person as they say they are now. */
    static PatronDraft walkIn(String first, String last, LocalDate birth, String email) {
        return new PatronDraft(
                first,
                last,
                Gender.M,
                birth,
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(email, ContactUsage.PERSONAL),
                        ContactDraft.phone("0470 98 76 54", ContactUsage.MOBILE),
                        ContactDraft.address("Place du Marché 1", "4000", "Liège", "BE")));
    }

    static <T> T asManager(Supplier<T> action) {
        return as("manager", action, Roles.DESK_OPERATOR, Roles.DESK_MANAGER);
    }

    @Test
    void rCnv1_aConversionShowsEachChange_andKeepsWhatTheManagerKeeps() {
        var tag = letters(8);
        var birth = LocalDate.of(1979, 4, 2);
        var universityKey = "P" + letters(6)
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var former =
                formerStudentNamed("Jürgen", "Müller-" + tag, birth, universityKey, "j." + tag + "@student.uliege.be");
        // The same man at the desk, his name typed without the umlaut.
        var given = walkIn("Jürgen", "Muller-" + tag, birth, "jurgen." + tag + "@example.be");

        var comparison = asManager(() -> validation.compareTakeOverWalkIn(former.id(), given));

        assertThat(comparison.conversion()).isTrue();
        assertThat(comparison.version()).isEqualTo(former.version());
        // The name: the record's and the typed one, the operator's choice, the record's kept by default.
        assertThat(comparison.row(Field.LAST_NAME)).satisfies(r -> {
            assertThat(r.current()).isEqualTo("Müller-" + tag);
            assertThat(r.proposed()).isEqualTo("Muller-" + tag);
            assertThat(r.change()).isEqualTo(Change.CHOICE);
            assertThat(r.differsOnlyInAccentsOrCase()).isTrue();
        });
        assertThat(comparison.row(Field.FIRST_NAME).change()).isEqualTo(Change.SAME);
        assertThat(comparison.defaultTakeNew()).doesNotContain(Field.LAST_NAME, Field.FIRST_NAME);
        // The identifier: S… becomes a new B identifier, the S… kept as a former one.
        assertThat(comparison.row(Field.PRIMARY_IDENTIFIER)).satisfies(r -> {
            assertThat(r.current()).isEqualTo(former.primaryIdentifier());
            assertThat(r.proposed()).isNull();
            assertThat(r.change()).isEqualTo(Change.FORCED);
        });
        assertThat(comparison.row(Field.FORMER_IDENTIFIERS).proposed()).isEqualTo(former.primaryIdentifier());
        assertThat(comparison.row(Field.ACCOUNT_TYPE)).satisfies(r -> {
            assertThat(r.current()).isEqualTo("EXTERNAL");
            assertThat(r.proposed()).isEqualTo("INTERNAL");
        });
        // What a B patron cannot keep: the university group and e-mail, each with its reason.
        assertThat(comparison.row(Field.USER_GROUP)).satisfies(r -> {
            assertThat(r.change()).isEqualTo(Change.FORCED);
            assertThat(r.reason().code()).isEqualTo("user-group.university-for-external");
        });
        assertThat(comparison.row(Field.EMAIL)).satisfies(r -> {
            assertThat(r.current()).isEqualTo("j." + tag + "@student.uliege.be");
            assertThat(r.change()).isEqualTo(Change.FORCED);
        });
        // What the record lacks, it takes (nothing is replaced): the phone and the address.
        assertThat(comparison.row(Field.PHONE).current()).isNull();
        assertThat(comparison.defaultTakeNew())
                .contains(Field.USER_GROUP, Field.JOB_CATEGORY, Field.EMAIL, Field.PHONE, Field.ADDRESS);
        // Status and expiration are shown, unchanged.
        assertThat(comparison.row(Field.STATUS).change()).isEqualTo(Change.SAME);
        assertThat(comparison.row(Field.EXPIRATION_DATE).change()).isEqualTo(Change.SAME);
        // Nothing was written.
        assertThat(patrons.details(former.id()).version()).isEqualTo(former.version());

        var converted = asManager(() -> validation.takeOverWalkIn(
                former.id(),
                comparison.version(),
                given,
                comparison.defaultTakeNew(),
                IdentityDocument.BELGIAN_ID_CARD));

        assertThat(converted.lastName()).as("the name the manager kept").isEqualTo("Müller-" + tag);
        assertThat(converted.firstName()).isEqualTo("Jürgen");
        assertDeskIdentifier(converted.primaryIdentifier());
        assertThat(converted.identifiers())
                .contains(
                        new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, former.primaryIdentifier()),
                        new PatronDetails.Identifier(IdentifierType.UNIVERSITY_KEY, universityKey));
        assertThat(converted.userGroup()).isEqualTo("Extérieur");
        assertThat(converted.contacts())
                .extracting(PatronDetails.Contact::display)
                .contains("jurgen." + tag + "@example.be")
                .noneMatch(d -> d.contains("uliege.be"));
        var history = patronHistory.lines(former.id());
        // The lines of changes (the record's creation wrote every field from nothing).
        assertThat(history)
                .filteredOn(h -> h.oldValue() != null)
                .extracting(HistoryLine::field)
                .doesNotContain("lastName", "firstName")
                .contains("primaryIdentifier", "userGroup");
        assertThat(history)
                .filteredOn(h -> h.field().equals("takeOverKept"))
                .singleElement()
                .satisfies(h -> assertThat(h.newValue()).contains("lastName").doesNotContain("firstName"));
    }

    @Test
    void rDesk3_aTakeOverReplacesOnlyTheFieldsChosen() {
        var tag = letters(8);
        var birth = LocalDate.of(1971, 8, 30);
        var email = "keep." + tag + "@example.be";
        var existing = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Anaïs",
                        "Dubois-" + tag,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "enseignant",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE"))));
        var given = new PatronDraft(
                "Anais",
                "DUBOIS-" + tag,
                Gender.F,
                birth,
                Language.ENG,
                "Extérieur",
                "retraité",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(email, ContactUsage.PERSONAL),
                        ContactDraft.phone("0470 98 76 54", ContactUsage.MOBILE),
                        ContactDraft.address("Place du Marché 1", "4000", "Liège", "BE")));

        var comparison = validation.compareTakeOverWalkIn(existing.id(), given);
        assertThat(comparison.conversion()).isFalse();
        assertThat(comparison.row(Field.PRIMARY_IDENTIFIER).change()).isEqualTo(Change.SAME);
        assertThat(comparison.row(Field.EMAIL).change()).isEqualTo(Change.SAME);
        assertThat(comparison.rows())
                .filteredOn(r -> r.change() == Change.CHOICE)
                .extracting(r -> r.field())
                .containsExactlyInAnyOrder(
                        Field.FIRST_NAME,
                        Field.LAST_NAME,
                        Field.PREFERRED_LANGUAGE,
                        Field.JOB_CATEGORY,
                        Field.PHONE,
                        Field.ADDRESS);
        assertThat(comparison.defaultTakeNew())
                .as("the record keeps everything it has")
                .isEmpty();

        // The operator takes the new phone and job only.
        var taken = validation.takeOverWalkIn(
                existing.id(),
                comparison.version(),
                given,
                EnumSet.of(Field.PHONE, Field.JOB_CATEGORY),
                IdentityDocument.BELGIAN_ID_CARD);

        assertThat(taken.primaryIdentifier()).isEqualTo(existing.primaryIdentifier());
        assertThat(taken.firstName()).isEqualTo("Anaïs");
        assertThat(taken.lastName()).isEqualTo("Dubois-" + tag);
        assertThat(taken.preferredLanguage()).isEqualTo(Language.FRE);
        assertThat(taken.jobCategory()).isEqualTo("retraité");
        assertThat(taken.contacts())
                .extracting(PatronDetails.Contact::display)
                .contains("Rue de la Cathédrale 12, 4000 Liège (BE)", email)
                .anyMatch(d -> d.replace(" ", "").contains("470987654"))
                .noneMatch(d -> d.replace(" ", "").contains("475123456"));
        // The history: the changes (the record's creation wrote every field from nothing), and what was kept.
        var history = patronHistory.lines(existing.id());
        assertThat(history)
                .filteredOn(h -> h.oldValue() != null)
                .extracting(HistoryLine::field)
                .contains("jobCategory")
                .anyMatch(f -> f.startsWith("contact.phone."))
                .doesNotContain("firstName", "lastName", "preferredLanguage")
                .noneMatch(f -> f.startsWith("contact.address.") || f.startsWith("contact.email."));
        assertThat(history)
                .filteredOn(h -> h.field().equals("takeOverKept"))
                .singleElement()
                .satisfies(h -> assertThat(h.newValue())
                        .contains("firstName", "lastName", "preferredLanguage", "contact.address")
                        .doesNotContain("contact.phone", "contact.email", "jobCategory"));
    }

    @Test
    void rDesk3_aStaleComparisonIsRefused_andNothingIsWritten() {
        var tag = letters(8);
        var birth = LocalDate.of(1983, 2, 11);
        var existing = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Paul",
                        "Périmé-" + tag,
                        Gender.M,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "enseignant",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("stale." + tag + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE"))));
        var given = walkIn("Paul", "Perime-" + tag, birth, "stale." + tag + "@example.be");
        var comparison = validation.compareTakeOverWalkIn(existing.id(), given);

        // A colleague changes the record while the comparison is on screen.
        var changed = contacts.addNote(existing.id(), existing.version(), "Adresse à vérifier");

        assertThatThrownBy(() -> validation.takeOverWalkIn(
                        existing.id(), comparison.version(), given, Field.choosableFields(), IdentityDocument.PASSPORT))
                .isInstanceOf(OptimisticLockingFailureException.class);
        var after = patrons.details(existing.id());
        assertThat(after.version()).isEqualTo(changed.version());
        assertThat(after.lastName()).isEqualTo("Périmé-" + tag);
        assertThat(fees.registrationFees(existing.id())).isEmpty();
        assertThat(identityChecks.identityChecks(existing.id())).isEmpty();
    }

    @Test
    void rDesk1_anOperatorCannotConvert_norEvenCompareAConversion() {
        var tag = letters(8);
        var birth = LocalDate.of(1990, 6, 6);
        var former = formerStudentNamed("Lina", "Ancienne-" + tag, birth, null, "l." + tag + "@student.uliege.be");
        var given = walkIn("Lina", "Ancienne-" + tag, birth, "lina." + tag + "@example.be");

        assertThatThrownBy(() -> validation.compareTakeOverWalkIn(former.id(), given))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> validation.takeOverWalkIn(
                        former.id(), former.version(), given, Field.choosableFields(), IdentityDocument.PASSPORT))
                .isInstanceOf(AccessDeniedException.class);
        var untouched = patrons.details(former.id());
        assertThat(untouched.version()).isEqualTo(former.version());
        assertThat(untouched.primaryIdentifier()).isEqualTo(former.primaryIdentifier());
        assertThat(fees.registrationFees(former.id())).isEmpty();
    }

    /** A former student as the nightly load made the record, with the given names. */
    PatronDetails formerStudentNamed(String first, String last, LocalDate birth, String universityKey, String email) {
        for (int attempt = 0; ; attempt++) {
            var identifier =
                    "S" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            try {
                return SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                        identifier,
                        new PatronDraft(
                                first,
                                last,
                                Gender.M,
                                birth,
                                Language.FRE,
                                "Étudiant ULiège",
                                "Étudiant ULiège",
                                null,
                                null,
                                LibraryDay.today().minusYears(2),
                                universityKey,
                                List.of(ContactDraft.email(email, ContactUsage.WORK))),
                        PatronStatus.INACTIVE,
                        PatronRules.Actor.LOAD));
            } catch (PatronRuleException e) {
                if (attempt > 20 || !e.violations().getFirst().code().equals("identifier.taken")) {
                    throw e;
                }
            }
        }
    }
}
