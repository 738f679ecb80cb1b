package be.uliege.library.registration.patron;

import static be.uliege.library.registration.patron.PatronServiceIT.externalDraft;
import static be.uliege.library.registration.patron.PatronServiceIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-REC-6, R-EXT-1, R-EXT-2 on the real embedded MariaDB: a record managed here is edited by the
 * registration's rules (dates and group kept), a loaded one is not; the preferred mark of any item
 * is set or cleared, and a local mark wins over the external item only when set.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronEditIT {

    @Autowired
    PatronService patrons;

    @Autowired
    Patrons patronRecords;

    @Autowired
    PatronContacts contacts;

    @Autowired
    PatronHistory history;

    @Autowired
    JdbcTemplate jdbc;

    private static PatronDraft edited(PatronDetails p, String first, String last, String description) {
        var d = p.draft();
        return new PatronDraft(
                first,
                last,
                Gender.X,
                LocalDate.of(1988, 2, 29),
                Language.ENG,
                d.userGroup(),
                "enseignant",
                description,
                d.resourceSharingLibrary(),
                LocalDate.of(2099, 1, 1), // ignored: the dates belong to the registration
                null,
                List.of());
    }

    @Test
    @DisplayName("R-REC-6: an edit changes the identity fields, keeps dates, contacts and group, and is in the history")
    void rRec6_anEditChangesTheIdentity_keepsTheDates_andIsRecorded() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Aïcha", "Benali", unique("aicha")));
        // An expired record keeps its past date: an edit never renews.
        jdbc.update(
                "update patron set expiration_date = ?, version = version + 1 where id = ?",
                Date.valueOf(LibraryDay.today().minusDays(3)),
                created.id());
        var before = patrons.details(created.id());

        var after = patrons.update(before.id(), before.version(), edited(before, "Aïcha", "Ben Ali", "lycée"));

        assertThat(after.lastName()).isEqualTo("Ben Ali");
        assertThat(after.preferredLanguage()).isEqualTo(Language.ENG);
        assertThat(after.birthDate()).isEqualTo(LocalDate.of(1988, 2, 29));
        assertThat(after.expirationDate()).isEqualTo(LibraryDay.today().minusDays(3));
        assertThat(after.purgeDate()).isEqualTo(after.expirationDate().plusYears(4));
        assertThat(after.userGroup()).isEqualTo("Extérieur");
        assertThat(after.contacts()).hasSameSizeAs(before.contacts());
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(history.lines(before.id())).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("lastName");
            assertThat(h.oldValue()).isEqualTo("Benali");
            assertThat(h.newValue()).isEqualTo("Ben Ali");
        });
        assertThat(patrons.search("Ben Ali").patrons())
                .anySatisfy(p -> assertThat(p.id()).isEqualTo(before.id()));
    }

    @Test
    @DisplayName("R-FEE-1: the group is not changed by a plain edit (a change of use has its fee)")
    void rFee1_aPlainEditRefusesAnotherGroup() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Jonas", "Peeters", unique("jonas")));
        var d = created.draft();
        var professional = new PatronDraft(
                d.firstName(),
                d.lastName(),
                d.gender(),
                d.birthDate(),
                d.preferredLanguage(),
                "Société, entreprise, profession juridique",
                "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                "Peeters BV",
                d.resourceSharingLibrary(),
                null,
                null,
                List.of());
        assertThatThrownBy(() -> patrons.update(created.id(), created.version(), professional))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("record.group-change-own-action"));
        assertThat(patrons.details(created.id()).userGroup()).isEqualTo("Extérieur");
    }

    @Test
    @DisplayName("R-REC-2, R-GRP-3: hostile or missing values are refused field by field and nothing is stored")
    void rRec2_hostileValuesAreRefusedFieldByField() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Olga", "Ivanova", unique("olga")));
        var hostile = new PatronDraft(
                "<script>alert(1)</script>" + "x".repeat(300),
                "Robert'); DROP TABLE patron;--\u0000\u202e",
                null,
                LibraryDay.today().plusDays(2),
                null,
                created.userGroup(),
                "SOCIETE, ENTREPRISE, PROFESSION JURIDIQUE",
                "   ",
                "Not a library",
                null,
                null,
                List.of());
        assertThatThrownBy(() -> patrons.update(created.id(), created.version(), hostile))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .contains("firstName", "lastName", "birthDate", "jobDescription"));
        var unchanged = patrons.details(created.id());
        assertThat(unchanged.firstName()).isEqualTo("Olga");
        assertThat(unchanged.version()).isEqualTo(created.version());
    }

    @Test
    @DisplayName("R-REC-6: two people editing the same record: the second is refused, nothing overwritten")
    void aColleaguesEditIsNeverOverwritten() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Lucía", "García", unique("lucia")));
        patrons.update(created.id(), created.version(), edited(created, "Lucía", "García López", null));
        assertThatThrownBy(
                        () -> patrons.update(created.id(), created.version(), edited(created, "Lucia", "Garcia", null)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(patrons.details(created.id()).lastName()).isEqualTo("García López");
    }

    @Test
    @DisplayName("R-EXT-1: a record loaded from the university is not edited at the desk")
    void rExt1_aLoadedRecordIsNotEdited() {
        var u = loaded();
        assertThatThrownBy(() -> patrons.update(u.id(), u.version(), u.draft()))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("record.external-read-only"));
        assertThatThrownBy(() -> patrons.changeUse(u.id(), u.version(), u.draft()))
                .isInstanceOf(PatronRuleException.class);
    }

    @Test
    @DisplayName("R-EXT-2: preferred is set or cleared on any item; a local mark wins only when set")
    void rExt2_preferredIsSetOrClearedOnAnyItem() {
        var u = loaded();
        var external = u.contacts().getFirst();
        var withLocal = contacts.addLocalContact(
                u.id(),
                u.version(),
                new ContactDraft(
                        ContactKind.EMAIL, ContactUsage.PERSONAL, false, "tomasz@example.be", null, null, null));
        assertThat(letters(withLocal)).as("an unmarked local item does not win").isEqualTo(external.display());
        var local = withLocal.contacts().stream()
                .filter(c -> c.source() == ContactSource.LOCAL)
                .findFirst()
                .orElseThrow();

        var marked = contacts.setPreferred(u.id(), withLocal.version(), local.id(), true);
        assertThat(letters(marked)).isEqualTo("tomasz@example.be");

        var cleared = contacts.setPreferred(u.id(), marked.version(), local.id(), false);
        assertThat(letters(cleared)).as("cleared: the university's item again").isEqualTo(external.display());

        var again = contacts.setPreferred(u.id(), cleared.version(), local.id(), true);
        var external2 = contacts.setPreferred(u.id(), again.version(), external.id(), true);
        assertThat(letters(external2))
                .as("the external item marked: local marks cleared")
                .isEqualTo(external.display());

        assertThatThrownBy(() -> contacts.setPreferred(u.id(), external2.version(), external.id(), false))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("contact.preferred-external"));
        assertThat(history.lines(u.id()))
                .filteredOn(h -> h.field().startsWith("contact"))
                .isNotEmpty();
    }

    @Test
    @DisplayName("R-EXT-2: the only local item of a kind cannot lose its mark; another is marked instead")
    void rExt2_theOnlyPreferredLocalItemKeepsItsMark() {
        var created = patrons.registerAtDesk(PatronKind.B, externalDraft("Kwame", "Mensah", unique("kwame")));
        var email = created.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> contacts.setPreferred(created.id(), created.version(), email.id(), false))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("contact.preferred-needed"));
        var second = contacts.addLocalContact(
                created.id(),
                created.version(),
                new ContactDraft(
                        ContactKind.EMAIL, ContactUsage.WORK, false, "kwame.work@example.be", null, null, null));
        var work = second.contacts().stream()
                .filter(c -> c.display().equals("kwame.work@example.be"))
                .findFirst()
                .orElseThrow();
        var marked = contacts.setPreferred(created.id(), second.version(), work.id(), true);
        assertThat(letters(marked)).isEqualTo("kwame.work@example.be");
        assertThat(marked.contacts())
                .filteredOn(c -> c.kind() == ContactKind.EMAIL && c.preferred())
                .hasSize(1);
    }

    private static String letters(PatronDetails p) {
        return p.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL && c.usedForLetters())
                .map(PatronDetails.Contact::display)
                .findFirst()
                .orElseThrow();
    }

    private PatronDetails loaded() {
        return SystemPrincipal.call(() -> patronRecords.createWithIdentifier(
                "U6" + String.format("%05d", System.nanoTime() % 100000),
                new PatronDraft(
                        "Tomasz",
                        "Wiśniewski",
                        Gender.M,
                        LocalDate.of(1979, 6, 3),
                        Language.FRE,
                        "Personnel ULiège",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(ContactDraft.email(
                                "t.wisniewski" + System.nanoTime() % 100000 + "@uliege.be", ContactUsage.WORK))),
                PatronStatus.ACTIVE,
                PatronRules.Actor.LOAD));
    }
}
