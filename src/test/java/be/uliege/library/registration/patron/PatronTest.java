package be.uliege.library.registration.patron;

import static be.uliege.library.registration.patron.TestSettings.NOW;
import static be.uliege.library.registration.patron.TestSettings.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.uliege.library.registration.patron.PatronRules.Actor;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.AdditionalIdentifier;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.ContactItem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The patron record guards its own rules: R-REC-3, R-REC-5, R-ID-4, R-EXT-2, R-ID-6. */
class PatronTest {

    private static final PatronSettings SETTINGS = TestSettings.uliege();
    private static final PatronRules RULES = TestSettings.rules();

    private static Patron create(String identifier, PatronDraft draft, PatronSettings settings) {
        var primary = PrimaryIdentifier.parse(identifier, settings);
        var checked = RULES.check(draft, primary.kind(), Actor.STAFF);
        return new Patron(primary, checked, PatronStatus.INACTIVE, settings, NOW, TODAY);
    }

    private static Patron create(String identifier, PatronDraft draft) {
        return create(identifier, draft, SETTINGS);
    }

    private static CheckedContact localEmail(String value, boolean preferred) {
        return new CheckedContact(ContactKind.EMAIL, ContactUsage.PERSONAL, preferred, value, null, null, null);
    }

    @Test
    @DisplayName("R-REC-3: a new record's purge date is its expiration date plus 4 years")
    void purgeDateOnCreation() {
        var patron = create("B100001", TestSettings.validB());

        assertThat(patron.getExpirationDate()).isEqualTo(LocalDate.of(2027, 11, 22));
        assertThat(patron.getPurgeDate()).isEqualTo(LocalDate.of(2031, 11, 22));
    }

    @ParameterizedTest(name = "expiration {0} -> purge {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2030-01-15 | 2034-01-15
            2028-02-29 | 2032-02-29
            2029-02-28 | 2033-02-28
            2025-06-30 | 2029-06-30
            """)
    @DisplayName("R-REC-3: the purge date follows every change of the expiration date")
    void purgeDateFollowsExpiration(LocalDate expiration, LocalDate purge) {
        var patron = create("B100001", TestSettings.validB());

        patron.changeExpirationDate(expiration, SETTINGS);

        assertThat(patron.getExpirationDate()).isEqualTo(expiration);
        assertThat(patron.getPurgeDate()).isEqualTo(purge);
    }

    @Test
    @DisplayName("R-REC-3: an edit of the record that moves the expiration date moves the purge date too")
    void purgeDateFollowsApply() {
        var patron = create("B100001", TestSettings.validB());
        var edited = RULES.check(
                TestSettings.validB().withExpirationDate(LocalDate.of(2028, 3, 1)), PatronKind.B, Actor.STAFF);

        patron.apply(edited, SETTINGS, NOW);

        assertThat(patron.getPurgeDate()).isEqualTo(LocalDate.of(2032, 3, 1));
    }

    @Test
    @DisplayName("R-REC-3: the years between expiration and purge are configuration")
    void purgeYearsAreConfiguration() {
        var s = SETTINGS;
        var sevenYears = new PatronSettings(
                s.identifierFormats(),
                s.identifierRanges(),
                s.userGroups(),
                s.jobCategories(),
                s.universityDomains(),
                s.sites(),
                s.resourceSharingLibraries(),
                s.externalOwningSystem(),
                s.phoneRegion(),
                7);

        var patron = create("B100001", TestSettings.validB(), sevenYears);

        assertThat(patron.getPurgeDate()).isEqualTo(LocalDate.of(2034, 11, 22));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"B100001", "B950001", "BX100004"})
    @DisplayName("R-REC-5: B and BX records have an institutional record and the external owning system")
    void externalPatronFlags(String identifier) {
        var draft = identifier.startsWith("BX") ? TestSettings.validBX() : TestSettings.validB();
        var patron = create(identifier, draft);

        assertThat(patron.hasInstitutionalRecord()).isTrue();
        assertThat(patron.getOwningSystem()).isEqualTo("Public externe (Users B et BX)");
        assertThat(patron.getRecordType()).isEqualTo(RecordType.PUBLIC);
        assertThat(patron.getAccountType()).isEqualTo(AccountType.INTERNAL);
    }

    @Test
    @DisplayName("R-REC-5, R-EXT-1: university people are loaded records without the external patrons' flags")
    void universityPatronFlags() {
        var patron = create("U012345", TestSettings.validU());

        assertThat(patron.hasInstitutionalRecord()).isFalse();
        assertThat(patron.getOwningSystem()).isNull();
        assertThat(patron.getAccountType()).isEqualTo(AccountType.EXTERNAL);
        assertThat(patron.getContacts()).allMatch(ContactItem::isExternal);
    }

    @Test
    @DisplayName("R-EXT-2: contact items typed for a B patron are local")
    void externalPatronContactsAreLocal() {
        var patron = create("B100001", TestSettings.validB());

        assertThat(patron.getContacts()).hasSize(3).noneMatch(ContactItem::isExternal);
        assertThat(patron.getStatus()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(patron.getStatusDate()).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("R-ID-4: a changed primary identifier is kept as a former primary identifier")
    void formerPrimaryIdentifierKept() {
        var patron = create("U012345", TestSettings.validU());

        patron.changePrimaryIdentifier(PrimaryIdentifier.parse("B100010", SETTINGS), SETTINGS);

        assertThat(patron.getPrimaryIdentifier()).isEqualTo("B100010");
        assertThat(patron.getKind()).isEqualTo(PatronKind.B);
        assertThat(patron.getIdentifiers())
                .extracting(AdditionalIdentifier::getType, AdditionalIdentifier::getValue)
                .containsExactly(tuple(IdentifierType.FORMER_PRIMARY, "U012345"));
    }

    @Test
    @DisplayName("R-ID-4: every former primary identifier is kept across successive conversions")
    void successiveConversions() {
        var patron = create(
                "S201234",
                new PatronDraft(
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
                        List.of(TestSettings.email("elodie.dupre@student.uliege.be"))));

        patron.changePrimaryIdentifier(PrimaryIdentifier.parse("B100010", SETTINGS), SETTINGS);
        patron.changePrimaryIdentifier(PrimaryIdentifier.parse("BX100010", SETTINGS), SETTINGS);

        assertThat(patron.getPrimaryIdentifier()).isEqualTo("BX100010");
        assertThat(patron.getIdentifiers())
                .filteredOn(i -> i.getType() == IdentifierType.FORMER_PRIMARY)
                .extracting(AdditionalIdentifier::getValue)
                .containsExactly("S201234", "B100010");
    }

    @Test
    @DisplayName("R-ID-4: setting the same primary identifier again records no former identifier")
    void sameIdentifierNoFormer() {
        var patron = create("B100001", TestSettings.validB());

        patron.changePrimaryIdentifier(PrimaryIdentifier.parse("b100001", SETTINGS), SETTINGS);

        assertThat(patron.getIdentifiers()).isEmpty();
    }

    @Test
    @DisplayName(
            "R-REC-5: a university patron converted to B gets the institutional flag and the external owning system")
    void conversionToBSetsExternalFlags() {
        var patron = create("U012345", TestSettings.validU());

        patron.changePrimaryIdentifier(PrimaryIdentifier.parse("B100010", SETTINGS), SETTINGS);

        assertThat(patron.hasInstitutionalRecord()).isTrue();
        assertThat(patron.getOwningSystem()).isEqualTo("Public externe (Users B et BX)");
    }

    @Test
    @DisplayName("R-EXT-2: a local preferred e-mail wins over the external preferred one")
    void localPreferredWins() {
        var patron = create("U012345", TestSettings.validU());
        assertThat(patron.preferred(ContactKind.EMAIL)).hasValueSatisfying(c -> {
            assertThat(c.isExternal()).isTrue();
            assertThat(c.getValue()).isEqualTo("jp.lemaire@uliege.be");
        });

        patron.addContact(ContactSource.LOCAL, localEmail("jean-pierre.lemaire@skynet.be", true));

        assertThat(patron.preferred(ContactKind.EMAIL)).hasValueSatisfying(c -> {
            assertThat(c.isExternal()).isFalse();
            assertThat(c.getValue()).isEqualTo("jean-pierre.lemaire@skynet.be");
        });
        assertThat(patron.getContacts())
                .filteredOn(ContactItem::isExternal)
                .filteredOn(c -> c.getKind() == ContactKind.EMAIL)
                .singleElement()
                .satisfies(c -> assertThat(c.isPreferred()).isTrue());
    }

    @Test
    @DisplayName("R-EXT-2: an unmarked local e-mail beside the external one does not win; marked preferred, it does")
    void unmarkedLocalDoesNotWin() {
        var patron = create("U012345", TestSettings.validU());

        var local = patron.addContact(ContactSource.LOCAL, localEmail("jp.lemaire@proximus.be", false));

        assertThat(local.isPreferred()).isFalse();
        assertThat(patron.preferred(ContactKind.EMAIL))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo("jp.lemaire@uliege.be"));

        patron.replaceLocalContact(local, localEmail("jp.lemaire@proximus.be", true));

        assertThat(patron.preferred(ContactKind.EMAIL))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo("jp.lemaire@proximus.be"));
    }

    @Test
    @DisplayName("R-EXT-2: a record with local items only always has one preferred item of each kind")
    void localOnlyKeepsOnePreferred() {
        var patron = create("B100020", TestSettings.validB());

        patron.addContact(ContactSource.LOCAL, localEmail("second@example.be", false));

        assertThat(patron.getContacts())
                .filteredOn(c -> c.getKind() == ContactKind.EMAIL)
                .filteredOn(ContactItem::isPreferred)
                .hasSize(1);
        assertThat(patron.preferred(ContactKind.EMAIL)).isPresent();
    }

    @Test
    @DisplayName("R-EXT-2: the other kinds keep their external item while only the e-mail has a local one")
    void otherKindsUnaffected() {
        var patron = create("U012345", TestSettings.validU());

        patron.addContact(ContactSource.LOCAL, localEmail("jean-pierre.lemaire@skynet.be", true));

        assertThat(patron.preferred(ContactKind.PHONE))
                .hasValueSatisfying(c -> assertThat(c.isExternal()).isTrue());
        assertThat(patron.preferred(ContactKind.ADDRESS))
                .hasValueSatisfying(c -> assertThat(c.isExternal()).isTrue());
    }

    @Test
    @DisplayName("R-EXT-2: among local items of a kind only the last one marked preferred stays preferred")
    void onePreferredPerKindAndSource() {
        var patron = create("U012345", TestSettings.validU());

        patron.addContact(ContactSource.LOCAL, localEmail("first@skynet.be", true));
        patron.addContact(ContactSource.LOCAL, localEmail("second@skynet.be", true));
        patron.addContact(ContactSource.LOCAL, localEmail("third@skynet.be", false));

        assertThat(patron.getContacts())
                .filteredOn(c -> !c.isExternal() && c.isPreferred())
                .extracting(ContactItem::getValue)
                .containsExactly("second@skynet.be");
        assertThat(patron.preferred(ContactKind.EMAIL))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo("second@skynet.be"));
    }

    @Test
    @DisplayName("R-EXT-2: removing the preferred local item gives the letters back to the external one, "
            + "not to an unmarked local item (issue 15)")
    void removingPreferredLocal() {
        var patron = create("U012345", TestSettings.validU());
        var first = patron.addContact(ContactSource.LOCAL, localEmail("first@skynet.be", true));
        var second = patron.addContact(ContactSource.LOCAL, localEmail("second@skynet.be", true));

        patron.removeContact(second);

        assertThat(first.isPreferred()).isFalse();
        assertThat(patron.preferred(ContactKind.EMAIL))
                .hasValueSatisfying(c -> assertThat(c.isExternal()).isTrue());
    }

    @Test
    @DisplayName("R-ID-6: the name tokens are the words of both names in their search form")
    void nameTokens() {
        assertThat(Patron.nameTokensOf("Élodie", "Dupré-Van den Bossche"))
                .containsExactlyInAnyOrder("elodie", "dupre", "van", "den", "bossche");
        assertThat(Patron.nameTokensOf("Jean-Pierre", "D’Alembert"))
                .containsExactlyInAnyOrder("jean", "pierre", "d", "alembert");
        assertThat(Patron.nameTokensOf("Noah", "Müller")).containsExactlyInAnyOrder("noah", "muller");
    }

    @Test
    @DisplayName("R-ID-6: name tokens hold no empty word and no word longer than the column")
    void nameTokensBounds() {
        assertThat(Patron.nameTokensOf(" - ", "  ")).isEmpty();
        assertThat(Patron.nameTokensOf("A", "b".repeat(500))).contains("a").allMatch(t -> t.length() <= 100);
    }

    @Test
    @DisplayName("R-REC-1: the status date records the day of the last status change only")
    void statusDate() {
        var patron = create("B100001", TestSettings.validB());
        var later = TODAY.plusDays(10);

        patron.changeStatus(PatronStatus.INACTIVE, later);
        assertThat(patron.getStatusDate()).isEqualTo(TODAY);

        patron.changeStatus(PatronStatus.ACTIVE, later);
        assertThat(patron.getStatus()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(patron.getStatusDate()).isEqualTo(later);
    }

    @Test
    @DisplayName("R-REC-2: a stored record typed back as a draft passes the rules again unchanged")
    void toDraftRoundTrip() {
        var patron = create("B100001", TestSettings.validB());

        var again = RULES.check(patron.toDraft(), PatronKind.B, Actor.STAFF);

        assertThat(again.expirationDate()).isEqualTo(patron.getExpirationDate());
        assertThat(again.contacts())
                .extracting(CheckedContact::value)
                .containsExactlyElementsOf(
                        patron.getContacts().stream().map(ContactItem::getValue).toList());
    }
}
