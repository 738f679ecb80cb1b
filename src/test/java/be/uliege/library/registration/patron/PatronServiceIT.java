package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.UnusedUniversityNumbers;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.duplicate.Resemblance;
import be.uliege.library.registration.patron.identifier.IdentifierRange;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.RangeUsage;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patron record on the real embedded MariaDB: creation through the rules, history, identifier
 * sequences, search, optimistic locking and access rules.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronServiceIT {

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    PatronContacts contacts;

    @Autowired
    DuplicateSearch duplicates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    static PatronDraft externalDraft(String first, String last, String email) {
        return new PatronDraft(
                first,
                last,
                Gender.F,
                LocalDate.of(1990, 4, 12),
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
                        ContactDraft.address("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE")));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8) + "@example.be";
    }

    @Test
    void rDesk5_deskRegistrationGetsADeskBIdentifierOutsideTheB95Range_andStartsInactive() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Zoé", "Walk-In", unique("zoe")));
        assertThat(created.primaryIdentifier()).matches("B\\d{6}").doesNotStartWith("B95");
        assertThat(created.status()).isEqualTo(PatronStatus.INACTIVE);
        // R-REC-3 and R-REC-4: one year, purge four years after.
        assertThat(created.expirationDate()).isEqualTo(LibraryDay.today().plusYears(1));
        assertThat(created.purgeDate()).isEqualTo(created.expirationDate().plusYears(4));
        // R-REC-5
        assertThat(created.institutionalRecord()).isTrue();
        assertThat(created.owningSystem()).isEqualTo("Public externe (Users B et BX)");
        // R-CON-2: stored as digits only
        assertThat(created.contacts()).anySatisfy(c -> assertThat(c.display()).isEqualTo("+32 475 12 34 56"));
        assertThat(jdbc.queryForList(
                        "select item_value from contact_item where patron_id = ? and kind = 'PHONE'",
                        String.class,
                        created.id()))
                .containsExactly("32475123456");
    }

    @Test
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void rId3_bxIdentifierIsANewBNumberWithBxPrefix_andNoNumberIsIssuedTwice() {
        var b = patrons.registerAtDesk(PatronKind.B, externalDraft("Anna", "Seq", unique("anna")));
        var bxDraft = new PatronDraft(
                "Marc",
                "Avocat",
                Gender.M,
                LocalDate.of(1970, 1, 1),
                Language.FRE,
                "Usager BX - PIB",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                externalDraft("x", "y", unique("marc")).contacts());
        var bx = patrons.registerAtDesk(PatronKind.BX, bxDraft);
        assertThat(bx.primaryIdentifier()).matches("BX\\d{6}");
        long bNumber = Long.parseLong(b.primaryIdentifier().substring(1));
        long bxNumber = Long.parseLong(bx.primaryIdentifier().substring(2));
        assertThat(bxNumber).isGreaterThan(bNumber);
    }

    @Test
    void rId3_aNumberAlreadyWornByAPatronIsSkipped() {
        long next = jdbc.queryForObject("select next_value from identifier_sequence where name = 'DESK'", Long.class);
        long from = Long.parseLong(patrons.registerAtDesk(PatronKind.B, externalDraft("Ida", "Avant", unique("ida")))
                .primaryIdentifier()
                .substring(1));
        assertThat(from).isGreaterThanOrEqualTo(next);
        // A record loaded with the number the sequence would issue next (it existed before the sequence).
        var worn = "B" + String.format("%06d", from + 1);
        jdbc.update("""
                insert into patron (version, primary_identifier, kind, first_name, last_name, gender, birth_date,
                  preferred_language, user_group, resource_sharing_library, status, status_date, expiration_date,
                  purge_date, record_type, account_type, institutional_record, owning_system, created_at, updated_at)
                select 0, ?, 'B', 'Ancien', 'Numéro', 'F', birth_date, preferred_language, user_group,
                  resource_sharing_library, status, status_date, expiration_date, purge_date, record_type, account_type,
                  institutional_record, owning_system, created_at, updated_at from patron where primary_identifier = ?""", worn, "B" + String.format("%06d", from));

        var after = patrons.registerAtDesk(PatronKind.B, externalDraft("Ida", "Après", unique("ida")));

        assertThat(after.primaryIdentifier()).isEqualTo("B" + String.format("%06d", from + 2));
    }

    @Test
    void rDesk3_duplicateCandidatesComeFromEveryPopulation_scoredWithReasons() {
        var birth = LocalDate.of(1950 + (int) (System.nanoTime() % 40), 3, 21);
        var surname =
                "Vandenbossche" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "q");
        var email = unique("former");
        // A former student, loaded from the university: expired, external.
        var former = SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                "S" + UnusedUniversityNumbers.digits(jdbc, 6),
                new PatronDraft(
                        "Geneviève",
                        surname,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Étudiant ULiège",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(ContactDraft.email(email, ContactUsage.PERSONAL))),
                PatronStatus.INACTIVE,
                PatronRules.Actor.LOAD));
        // Her twin sister, a walk-in with a desk B number.
        var twin = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Marianne",
                        surname,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        externalDraft("x", "y", unique("marianne")).contacts()));

        // She comes back: name typed without accents, the particle split, a new e-mail.
        var comingBack = new PatronDraft(
                "Genevieve",
                "Van den " + surname.substring(6),
                Gender.F,
                birth,
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(ContactDraft.email(unique("genevieve"), ContactUsage.PERSONAL)));
        var candidates = duplicates.candidates(comingBack, -1);

        assertThat(candidates)
                .extracting(DuplicateCandidate::id)
                .contains(former.id())
                .doesNotContain(twin.id());
        var found = candidates.stream()
                .filter(c -> c.id() == former.id())
                .findFirst()
                .orElseThrow();
        assertThat(found.score().isCandidate()).isTrue();
        assertThat(found.score().reasons())
                .contains(
                        Resemblance.Reason.SAME_BIRTH_DATE,
                        Resemblance.Reason.SAME_SURNAME,
                        Resemblance.Reason.SAME_FIRST_NAME);

        // A digit mistyped in the birth date (21 → 22 March), the rest the same: still found.
        var typo = new PatronDraft(
                "Geneviève",
                surname,
                Gender.F,
                birth.withDayOfMonth(22),
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of());
        assertThat(duplicates.candidates(typo, -1)).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(former.id());
            assertThat(c.score().reasons()).contains(Resemblance.Reason.BIRTH_DATE_NEARLY);
        });

        // The same e-mail under another name is shown too, for staff to look, and a record is never its own duplicate.
        var other = new PatronDraft(
                "Paul",
                "Autre",
                Gender.M,
                LocalDate.of(1970, 1, 1),
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(ContactDraft.email(email, ContactUsage.PERSONAL)));
        assertThat(duplicates.candidates(other, -1)).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(former.id());
            assertThat(c.score().reasons()).contains(Resemblance.Reason.SAME_EMAIL);
        });
        assertThat(duplicates.candidates(other, former.id()))
                .extracting(DuplicateCandidate::id)
                .doesNotContain(former.id());
    }

    @Test
    void rDesk3_aBrotherWithTheHouseholdPhoneIsShownForTheContact_notMadeACandidate_byTheGendersStored() {
        var birth = LocalDate.of(1990 + (int) (System.nanoTime() % 15), 6, 9);
        var surname = "De Vos-" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "q");
        var phone = "0472 " + String.format("%06d", System.nanoTime() % 1_000_000);
        var dana = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Dana",
                        surname,
                        Gender.F,
                        birth,
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(unique("dana"), ContactUsage.PERSONAL),
                                ContactDraft.phone(phone, ContactUsage.MOBILE),
                                ContactDraft.address("Rue Saint-Gilles 12", "4000", "Liège", "BE"))));

        var daan = new PatronDraft(
                "Daan",
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
                List.of(ContactDraft.phone(phone, ContactUsage.MOBILE)));
        var shown = duplicates.candidates(daan, -1).stream()
                .filter(c -> c.id() == dana.id())
                .findFirst()
                .orElseThrow();
        assertThat(shown.score().isCandidate()).isFalse();
        assertThat(shown.score().reasons())
                .contains(Resemblance.Reason.SAME_PHONE, Resemblance.Reason.DIFFERENT_GENDER);

        // Had she slipped on the keyboard ("Dsna"), with her own gender: one person.
        var typed = new PatronDraft(
                "Dsna",
                surname,
                Gender.F,
                birth,
                Language.FRE,
                "Extérieur",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(ContactDraft.phone(phone, ContactUsage.MOBILE)));
        assertThat(duplicates.candidates(typed, -1)).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(dana.id());
            assertThat(c.score().isCandidate()).isTrue();
        });
    }

    @Test
    void rDesk1_bxPatronsAreAManagersDecision() {
        var bxDraft = new PatronDraft(
                "Marc",
                "Avocat",
                Gender.M,
                LocalDate.of(1970, 1, 1),
                Language.FRE,
                "Usager BX - PIB",
                "Aucun",
                null,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                externalDraft("x", "y", unique("marc")).contacts());
        assertThatThrownBy(() -> patrons.registerAtDesk(PatronKind.BX, bxDraft))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
    void rId3_concurrentDesksNeverGetTheSameIdentifier() throws Exception {
        var issued = ConcurrentHashMap.<String>newKeySet();
        var context = SecurityContextHolder.getContext();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = IntStream.range(0, 12)
                    .mapToObj(i -> pool.submit(() -> {
                        SecurityContextHolder.setContext(context);
                        issued.add(patrons.registerAtDesk(PatronKind.B, externalDraft("Par", "Allèle", unique("p" + i)))
                                .primaryIdentifier());
                        return null;
                    }))
                    .toList();
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(issued).hasSize(12);
    }

    @Test
    void rRec6_everyChangeIsInTheHistoryWithWhoWhenOldAndNew() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Hélène", "Histoire", unique("h")));
        var changed = patrons.update(
                created.id(),
                created.version(),
                new PatronDraft(
                        "Hélène",
                        "Histoire-Martin",
                        Gender.F,
                        LocalDate.of(1990, 4, 12),
                        Language.ENG,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        created.expirationDate(),
                        null,
                        List.of()));
        assertThat(changed.lastName()).isEqualTo("Histoire-Martin");
        var history = patronHistory.lines(created.id());
        assertThat(history).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("lastName");
            assertThat(h.oldValue()).isEqualTo("Histoire");
            assertThat(h.newValue()).isEqualTo("Histoire-Martin");
            assertThat(h.changedBy()).isEqualTo("operator");
        });
        assertThat(history).anySatisfy(h -> assertThat(h.field()).isEqualTo("preferredLanguage"));
        assertThat(history).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("primaryIdentifier");
            assertThat(h.oldValue()).isNull();
            assertThat(h.newValue()).isEqualTo(created.primaryIdentifier());
        });
    }

    @Test
    void twoPeopleEditingTheSameRecord_theSecondIsRefused_nothingOverwritten() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Léa", "Concurrence", unique("lea")));
        contacts.addNote(created.id(), created.version(), "First operator's note");
        assertThatThrownBy(() -> contacts.addNote(created.id(), created.version(), "Second operator's note"))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(patrons.details(created.id()).notes())
                .extracting(PatronDetails.Note::text)
                .containsExactly("First operator's note");
    }

    @Test
    void rRec2_aSaveWithMissingFieldsIsRefused_andNothingIsStored() {
        long before = SystemPrincipal.call(() -> patronRecords.count());
        var empty = new PatronDraft(" ", "", null, null, null, null, null, null, null, null, null, List.of());
        assertThatThrownBy(() -> patrons.registerAtDesk(PatronKind.B, empty))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .contains(
                                        "firstName",
                                        "lastName",
                                        "gender",
                                        "birthDate",
                                        "preferredLanguage",
                                        "userGroup",
                                        "jobCategory",
                                        "emails",
                                        "addresses",
                                        "phones"));
        assertThat(SystemPrincipal.call(() -> patronRecords.count())).isEqualTo(before);
    }

    @Test
    void rExt1_loadedRecordsAreReadOnlyAtTheDesk_rExt2_butLocalItemsCanBeAdded() {
        var u = SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                "U7" + String.format("%05d", System.nanoTime() % 100000),
                new PatronDraft(
                        "Paul",
                        "Personnel",
                        Gender.M,
                        LocalDate.of(1980, 1, 1),
                        Language.FRE,
                        "Personnel ULiège",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(ContactDraft.email("paul.personnel@uliege.be", ContactUsage.WORK))),
                PatronStatus.ACTIVE,
                PatronRules.Actor.LOAD));
        assertThatThrownBy(() -> patrons.update(u.id(), u.version(), u.draft()))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("record.external-read-only"));
        var external = u.contacts().getFirst();
        assertThat(external.source()).isEqualTo(ContactSource.EXTERNAL);
        assertThatThrownBy(() -> contacts.removeLocalContact(u.id(), u.version(), external.id()))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("contact.external-read-only"));
        var withLocal = contacts.addLocalContact(
                u.id(),
                u.version(),
                new ContactDraft(ContactKind.EMAIL, ContactUsage.PERSONAL, true, "paul@example.be", null, null, null));
        // A local preferred item wins over the external one for letters (R-EXT-2).
        assertThat(withLocal.contacts())
                .filteredOn(PatronDetails.Contact::usedForLetters)
                .extracting(PatronDetails.Contact::display)
                .contains("paul@example.be");
        var duplicated = contacts.duplicateContact(u.id(), withLocal.version(), external.id());
        assertThat(duplicated.contacts())
                .filteredOn(c -> c.source() == ContactSource.LOCAL)
                .extracting(PatronDetails.Contact::display)
                .contains("paul.personnel@uliege.be");
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
    void rId4_aChangedPrimaryIdentifierIsKeptAsFormer_andStillFindsThePatron() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Olga", "Ancienne", unique("olga")));
        var newId = "b94" + String.format("%04d", System.nanoTime() % 10000);
        var changed = patrons.changePrimaryIdentifier(created.id(), created.version(), newId);
        assertThat(changed.primaryIdentifier()).isEqualTo(newId.toUpperCase());
        assertThat(changed.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, created.primaryIdentifier()));
        var found = patrons.search(created.primaryIdentifier());
        assertThat(found.patrons()).extracting(PatronSummary::id).containsExactly(created.id());
    }

    @Test
    void rId6_searchByNameIgnoresAccentsCaseAndOrder() {
        var created = patrons.registerAtDesk(
                PatronKind.B, externalDraft("Ægidius-Éloïse", "Van der Müllerström", unique("vdm")));
        for (var query :
                List.of("mullerstrom", "MÜLLERSTRÖM aegidius", "eloise van der", "Aegidius-Eloise", "vän dèr müll")) {
            assertThat(patrons.search(query).patrons())
                    .as(query)
                    .extracting(PatronSummary::id)
                    .contains(created.id());
        }
        assertThat(patrons.search("mullerstrom").understoodAs()).isEqualTo("NAME");
        assertThat(patrons.search("mullerstrom zzz").patrons()).isEmpty();
    }

    @Test
    void rId6_searchByEmailPhoneBirthDateAndIdentifier() {
        var email = unique("Find.Me");
        var created = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Fiona",
                        "Findable",
                        Gender.F,
                        LocalDate.of(1911, 11, 11),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("04/366.99.88", ContactUsage.HOME),
                                ContactDraft.address("Rue Haute 1", "1000", "Brussel", "BE"))));
        assertThat(patrons.search(email.toUpperCase()).patrons())
                .extracting(PatronSummary::id)
                .contains(created.id());
        assertThat(patrons.search("+32 4 366 99 88").patrons())
                .extracting(PatronSummary::id)
                .contains(created.id());
        assertThat(patrons.search("11/11/1911").patrons())
                .extracting(PatronSummary::id)
                .contains(created.id());
        assertThat(patrons.search("1911-11-11").patrons())
                .extracting(PatronSummary::id)
                .contains(created.id());
        assertThat(patrons.search(created.primaryIdentifier().toLowerCase()).patrons())
                .extracting(PatronSummary::id)
                .containsExactly(created.id());
    }

    @Test
    @WithMockUser(
            username = "admin",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
    void rId6_theBeginningOfAnIdentifierFindsThePatron_andKindAndStatusNarrowAnySearch() {
        var tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
        var student = "S9" + String.format("%05d", Math.floorMod(tag.hashCode(), 100_000));
        var s = SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                student,
                new PatronDraft(
                        "Inès",
                        "Préfixe-" + tag,
                        Gender.F,
                        LocalDate.of(2001, 2, 3),
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LibraryDay.today().plusMonths(6),
                        null,
                        List.of(ContactDraft.email("p" + tag + "@student.uliege.be", ContactUsage.WORK))),
                PatronStatus.ACTIVE,
                PatronRules.Actor.LOAD));
        var b = patrons.registerAtDesk(PatronKind.B, externalDraft("Inès", "Préfixe-" + tag, unique("prefixe")));

        // The beginning of the primary identifier, in any case, from three characters on.
        var five = student.substring(0, 5).toLowerCase();
        var found = patrons.search(five);
        assertThat(found.understoodAs()).isEqualTo("IDENTIFIER_PREFIX");
        assertThat(found.patrons()).extracting(PatronSummary::id).contains(s.id());
        assertThat(found.patrons())
                .allSatisfy(p -> assertThat(p.primaryIdentifier()).startsWithIgnoringCase(five));
        var three = patrons.search(student.substring(0, 3));
        assertThat(three.understoodAs()).isEqualTo("IDENTIFIER_PREFIX");
        assertThat(three.patrons()).isNotEmpty().hasSizeLessThanOrEqualTo(PatronService.SEARCH_LIMIT);
        // Shorter, it would list a whole kind: refused with its own answer, never the whole base.
        var two = patrons.search(student.substring(0, 2));
        assertThat(two.understoodAs()).isEqualTo("TOO_SHORT");
        assertThat(two.patrons()).isEmpty();
        // The exact identifier is still found as before, alone.
        assertThat(patrons.search(student.toLowerCase()).understoodAs()).isEqualTo("IDENTIFIER");

        // The beginning of an additional identifier (a former primary one) finds the patron too.
        var former = b.primaryIdentifier();
        var changed = patrons.changePrimaryIdentifier(
                b.id(), b.version(), "B94" + String.format("%04d", Math.floorMod(tag.hashCode(), 10_000)));
        assertThat(patrons.search(former.substring(0, 6).toLowerCase()).patrons())
                .extracting(PatronSummary::id)
                .contains(b.id());

        // Kind and status narrow a search by name, by identifier and by its beginning.
        var name = "Préfixe-" + tag;
        assertThat(patrons.search(name).patrons())
                .extracting(PatronSummary::id)
                .containsExactlyInAnyOrder(s.id(), b.id());
        assertThat(patrons.search(name, new PatronService.SearchFilter(PatronKind.S, null))
                        .patrons())
                .extracting(PatronSummary::id)
                .containsExactly(s.id());
        assertThat(patrons.search(name, new PatronService.SearchFilter(null, PatronStatus.INACTIVE))
                        .patrons())
                .extracting(PatronSummary::id)
                .containsExactly(b.id());
        assertThat(patrons.search(name, new PatronService.SearchFilter(PatronKind.B, PatronStatus.ACTIVE))
                        .patrons())
                .isEmpty();
        assertThat(patrons.search(five, new PatronService.SearchFilter(PatronKind.B, null))
                        .patrons())
                .isEmpty();
        assertThat(patrons.search(five, new PatronService.SearchFilter(PatronKind.S, PatronStatus.ACTIVE))
                        .patrons())
                .extracting(PatronSummary::id)
                .contains(s.id());
        assertThat(patrons.search(
                                changed.primaryIdentifier(), new PatronService.SearchFilter(null, PatronStatus.ACTIVE))
                        .patrons())
                .isEmpty();
        assertThat(patrons.search("03/02/2001", new PatronService.SearchFilter(PatronKind.S, null))
                        .patrons())
                .extracting(PatronSummary::id)
                .contains(s.id());
        assertThat(patrons.search("03/02/2001", new PatronService.SearchFilter(PatronKind.B, null))
                        .patrons())
                .extracting(PatronSummary::id)
                .doesNotContain(s.id());
    }

    @Test
    void hostileSearchQueriesFindNothingAndBreakNothing() {
        for (var query : List.of(
                "' or 1=1 --",
                "%",
                "_",
                "\\",
                "x".repeat(10_000),
                "a\u202Eb",
                "\u0000",
                "@",
                "<script>alert(1)</script>",
                "99/99/9999")) {
            assertThat(patrons.search(query).patrons()).as(query).isEmpty();
        }
    }

    @Test
    @WithMockUser(username = "nobody", roles = "SOMETHING_ELSE")
    void patronDataIsForDeskStaffOnly() {
        assertThatThrownBy(() -> patrons.search("dupre")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rId3_theRangeUsageIsReported() {
        var usage = patrons.identifierRangeUsage();
        assertThat(usage)
                .extracting(RangeUsage::range)
                .containsExactlyInAnyOrder(IdentifierRange.DESK, IdentifierRange.PRE_REGISTRATION);
        assertThat(usage).allSatisfy(u -> assertThat(u.used()).isBetween(0.0, 1.0));
    }
}
