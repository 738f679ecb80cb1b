package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronRules;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.patron.TakeOverComparison.Change;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CNV-2 (with R-CNV-1, R-GRP-3, R-FEE-1): a former student coming back as an alumnus is
 * converted, by a desk manager only, into a B patron "Alumni ULiège" / "Alumni &lt;year&gt;" in the
 * private-use group, whose registration costs the card only; a year that is not one is refused in
 * words and nothing is written.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class AlumnusConversionIT {

    @Autowired
    AlumnusConversion alumni;

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    PatronHistory history;

    @Autowired
    Fees fees;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    JdbcTemplate jdbc;

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).replaceAll("[\\d-]", "a");
    }

    PatronDetails formerStudent(String first, String last, LocalDate birth) {
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
                                "Faculté de droit",
                                null,
                                LibraryDay.today().minusYears(3),
                                null,
                                List.of(ContactDraft.email(
                                        first.toLowerCase() + "." + tag() + "@student.uliege.be", ContactUsage.WORK))),
                        PatronStatus.INACTIVE,
                        PatronRules.Actor.LOAD));
            } catch (PatronRuleException e) {
                if (attempt > 20 || !e.violations().getFirst().code().equals("identifier.taken")) {
                    throw e;
                }
            }
        }
    }

    /** The walk-in's data as typed at the desk: a job the form proposed, which the alumnus's replaces. */
    static PatronDraft walkIn(PatronDetails former) {
        return new PatronDraft(
                former.firstName(),
                former.lastName(),
                former.gender(),
                former.birthDate(),
                Language.FRE,
                "Société, entreprise, profession juridique",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                contacts());
    }

    static List<ContactDraft> contacts() {
        return List.of(
                ContactDraft.email("alumnus." + tag() + "@example.be", ContactUsage.PERSONAL),
                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                ContactDraft.address("Place du 20-Août 7", "4000", "Liège", "BE"));
    }

    @Test
    void rCnv2_aFormerStudentBecomesAnAlumnus_freeRegistration_theCardOnly() {
        var former = formerStudent("Arnaud", "Diplômé-" + tag(), LocalDate.of(1996, 3, 2));
        var data = walkIn(former);

        var comparison = alumni.compareWalkIn(former.id(), data, "2020");
        assertThat(comparison.conversion()).isTrue();
        assertThat(comparison.row(Field.JOB_CATEGORY).proposed()).isEqualTo("Alumni ULiège");
        assertThat(comparison.row(Field.JOB_DESCRIPTION).proposed()).isEqualTo("Alumni 2020");
        assertThat(comparison.row(Field.USER_GROUP).proposed())
                .as("the private-use group, whatever the form had")
                .isEqualTo("Extérieur");
        assertThat(comparison.row(Field.USER_GROUP).change()).isEqualTo(Change.FORCED);
        assertThat(patrons.details(former.id()).version())
                .as("nothing written by the comparison")
                .isEqualTo(former.version());

        // Even a choice that keeps the record's job: the alumnus's group, category and description are taken.
        var converted = alumni.convertWalkIn(
                former.id(),
                comparison.version(),
                data,
                "2020",
                Set.of(Field.EMAIL, Field.PHONE, Field.ADDRESS),
                IdentityDocument.BELGIAN_ID_CARD);

        assertThat(converted.id()).isEqualTo(former.id());
        assertThat(converted.kind()).isEqualTo(PatronKind.B);
        assertThat(converted.primaryIdentifier()).matches("B\\d{6}").doesNotStartWith("B95");
        assertThat(converted.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, former.primaryIdentifier()));
        assertThat(converted.userGroup()).isEqualTo("Extérieur");
        assertThat(converted.jobCategory()).isEqualTo("Alumni ULiège");
        assertThat(converted.jobDescription()).isEqualTo("Alumni 2020");
        assertThat(converted.lastName()).isEqualTo(former.lastName());
        var due = fees.registrationFees(former.id());
        assertThat(due).singleElement().satisfies(fee -> {
            assertThat(fee.label()).isEqualTo("Patron Registration Fee");
            assertThat(fee.amount()).isEqualByComparingTo(new BigDecimal("5.00"));
        });
        assertThat(history.lines(former.id()))
                .anySatisfy(line -> {
                    assertThat(line.field()).isEqualTo("alumnus");
                    assertThat(line.newValue()).contains("Alumni 2020");
                    assertThat(line.changedBy()).isEqualTo("manager");
                })
                .anySatisfy(line -> {
                    assertThat(line.field()).isEqualTo("jobDescription");
                    assertThat(line.oldValue()).isEqualTo("Faculté de droit");
                    assertThat(line.newValue()).isEqualTo("Alumni 2020");
                });
    }

    @Test
    void rCnv2_aPreRegisteredFormerStudentBecomesAnAlumnus_andThePreRegistrationGoes() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Odile", "Promotion-" + tag(), Use.PRIVATE);
        var preRegistered = patrons.details(entry.patronId());
        var former = formerStudent("Odile", preRegistered.lastName(), preRegistered.birthDate());

        var comparison = alumni.compare(entry.id(), former.id(), preRegistered.draft(), " 1998 ");
        var converted = alumni.convert(
                entry.id(),
                former.id(),
                comparison.version(),
                preRegistered.draft(),
                " 1998 ",
                comparison.defaultTakeNew(),
                IdentityDocument.PASSPORT);

        assertThat(converted.jobCategory()).isEqualTo("Alumni ULiège");
        assertThat(converted.jobDescription()).isEqualTo("Alumni 1998");
        assertThat(converted.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, entry.identifier()));
        assertThat(jdbc.queryForObject("select count(*) from patron where id = ?", Integer.class, entry.patronId()))
                .isZero();
        assertThat(fees.registrationFees(former.id()))
                .singleElement()
                .satisfies(fee -> assertThat(fee.amount()).isEqualByComparingTo("5.00"));
    }

    @Test
    void rDesk1_anOperatorCannotConvertAnAlumnus_norCompare() {
        var former = formerStudent("Basile", "Opérateur-" + tag(), LocalDate.of(1990, 5, 5));
        var data = walkIn(former);
        assertThatThrownBy(() ->
                        as("operator", () -> alumni.compareWalkIn(former.id(), data, "2020"), Roles.DESK_OPERATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(
                        "operator",
                        () -> alumni.convertWalkIn(
                                former.id(),
                                former.version(),
                                data,
                                "2020",
                                Set.of(),
                                IdentityDocument.BELGIAN_ID_CARD),
                        Roles.DESK_OPERATOR))
                .isInstanceOf(AccessDeniedException.class);
        var untouched = patrons.details(former.id());
        assertThat(untouched.version()).isEqualTo(former.version());
        assertThat(untouched.kind()).isEqualTo(PatronKind.S);
        assertThat(fees.registrationFees(former.id())).isEmpty();
    }

    @Test
    void rCnv2_onlyAFormerStudentBecomesAnAlumnus() {
        var b = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Claire",
                        "Externe-" + tag(),
                        Gender.F,
                        LocalDate.of(1985, 1, 1),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        contacts()));
        assertThatThrownBy(() -> alumni.compareWalkIn(b.id(), walkIn(b), "2020"))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("alumnus.not-student"));
    }

    @Test
    void rCnv2_aYearThatIsNotOneIsRefusedInWords_andNothingIsWritten() {
        var former = formerStudent("Denis", "Hostile-" + tag(), LocalDate.of(1992, 7, 7));
        var data = walkIn(former);
        var nextYear = String.valueOf(LibraryDay.today().getYear() + 1);
        for (var typed : List.of(
                "",
                "   ",
                "2020<script>",
                "<b>2020</b>",
                "99999",
                "202",
                "1816",
                nextYear,
                "2O2O",
                "2020'; drop table patron; --",
                "20\b20",
                "x".repeat(10_000))) {
            assertThatThrownBy(() -> alumni.convertWalkIn(
                            former.id(), former.version(), data, typed, Set.of(), IdentityDocument.BELGIAN_ID_CARD))
                    .as("year typed %s", typed.length() > 30 ? typed.substring(0, 30) + "…" : typed)
                    .isInstanceOfSatisfying(
                            PatronRuleException.class,
                            e -> assertThat(e.violations().getFirst().field()).isEqualTo("alumnusYear"));
        }
        assertThatThrownBy(() -> alumni.year("1700"))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().args())
                                .containsExactly(
                                        "1817",
                                        String.valueOf(LibraryDay.today().getYear())));
        var untouched = patrons.details(former.id());
        assertThat(untouched.version()).isEqualTo(former.version());
        assertThat(untouched.jobDescription()).isEqualTo("Faculté de droit");
        assertThat(fees.registrationFees(former.id())).isEmpty();

        // Spaces dropped and digits of another script read as digits: the same year.
        assertThat(alumni.year("20 20")).isEqualTo(2020);
        assertThat(alumni.year("٢٠٢٠")).isEqualTo(2020);
        assertThat(alumni.year("\t1817\n")).isEqualTo(1817);
    }
}
