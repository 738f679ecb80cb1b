package be.uliege.library.registration.load;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.embedded.UniversityFileGenerator;
import be.uliege.library.registration.load.AlmaUserMapping.Mapped;
import be.uliege.library.registration.load.file.AlmaUser;
import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.contact.ContactKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * From a {@code <user>} to the record's terms (R-SIS-1, R-REC-4, R-SIS-4): groups, identifiers,
 * dates, contacts, the expiration rules and the students held back from 1 July; and every row of a
 * generated university file maps.
 */
class AlmaUserMappingTest {

    static final LoadSettings SETTINGS = new LoadSettings(
            Path.of("target/load"),
            "0 0 2 * * *",
            LoadInstructions.Mode.SYNCHRONIZE,
            LoadInstructions.MatchPoint.UNIVERSITY_KEY,
            List.of(PatronKind.U, PatronKind.C, PatronKind.S),
            500,
            "UNIV_ID",
            Map.of(
                    "U", new LoadSettings.Group(PatronKind.U, "Personnel ULiège", "Personnel ULiège"),
                    "S", new LoadSettings.Group(PatronKind.S, "Étudiant ULiège", "Étudiant ULiège"),
                    "C", new LoadSettings.Group(PatronKind.C, "Personnel CHU", "Personnel CHU")),
            Map.of("fr", "FRE", "en", "ENG"),
            "--07-01",
            null,
            Duration.ofSeconds(10));

    final AlmaUserMapping mapping = new AlmaUserMapping(SETTINGS);

    static AlmaUser user(
            String id, String group, @Nullable String key, @Nullable String birth, @Nullable String expiry) {
        return new AlmaUser(
                "PUBLIC",
                id,
                "Marie-Thérèse",
                "Ngozi",
                "Okonkwo",
                null,
                null,
                "Faculté de droit",
                "FEMALE",
                group,
                null,
                "fr",
                birth,
                expiry,
                null,
                "EXTERNAL",
                "SIS",
                "ACTIVE",
                List.of(new AlmaUser.Address(
                        true,
                        "External",
                        "Quai Roosevelt 1b",
                        "bte 2",
                        null,
                        null,
                        null,
                        "Liège",
                        null,
                        "4000",
                        "BEL",
                        List.of("home"))),
                List.of(new AlmaUser.Email(true, "External", "m.okonkwo@student.uliege.be", List.of("school"))),
                List.of(new AlmaUser.Phone(true, "External", "0032 475 12 34 56", List.of("mobile"))),
                key == null ? List.of() : List.of(new AlmaUser.Identifier("External", "UNIV_ID", key, null)),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void aStudentRowMapsToTheRecordsTerms() {
        var mapped = mapping.map(
                user("S201234", "S", "P2012345", "2003-04-12Z", "2027-10-01Z"), 7, LocalDate.of(2026, 12, 4));
        assertThat(mapped).isInstanceOfSatisfying(Mapped.Person.class, p -> {
            var person = p.person();
            assertThat(person.element()).isEqualTo(7);
            assertThat(person.primaryIdentifier()).isEqualTo("S201234");
            assertThat(person.universityKey()).isEqualTo("P2012345");
            var draft = person.draft();
            assertThat(draft.firstName()).isEqualTo("Marie-Thérèse Ngozi");
            assertThat(draft.gender()).isEqualTo(Gender.F);
            assertThat(draft.birthDate()).isEqualTo(LocalDate.of(2003, 4, 12));
            assertThat(draft.preferredLanguage()).isEqualTo(Language.FRE);
            assertThat(draft.userGroup()).isEqualTo("Étudiant ULiège");
            assertThat(draft.expirationDate()).isEqualTo(LocalDate.of(2027, 10, 1));
            assertThat(draft.contacts())
                    .extracting(c -> c.kind())
                    .containsExactly(ContactKind.EMAIL, ContactKind.PHONE, ContactKind.ADDRESS);
            var address = draft.contacts().get(2);
            assertThat(address.value()).isEqualTo("Quai Roosevelt 1b, bte 2");
            assertThat(address.country()).isEqualTo("BE");
        });
    }

    @Test
    void rRec4_expirationFollowsTheRulesNotTheFile() {
        assertThat(mapping.expiration(PatronKind.S, LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(mapping.expiration(PatronKind.S, LocalDate.of(2027, 7, 15))).isEqualTo(LocalDate.of(2028, 10, 1));
        assertThat(mapping.expiration(PatronKind.S, LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(mapping.expiration(PatronKind.U, LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(mapping.expiration(PatronKind.U, LocalDate.of(2026, 10, 2))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(mapping.expiration(PatronKind.C, LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void rSis4_fromTheFirstOfJulyAStudentNotReEnrolledIsHeldBack() {
        var notReEnrolled = user("S201234", "S", "P2012345", "2003-04-12Z", "2027-10-01Z");
        var reEnrolled = user("S201235", "S", "P2012346", "2003-04-12Z", "2028-10-01Z");
        assertThat(mapping.map(notReEnrolled, 1, LocalDate.of(2027, 6, 30))).isInstanceOf(Mapped.Person.class);
        assertThat(mapping.map(notReEnrolled, 1, LocalDate.of(2027, 7, 1)))
                .isInstanceOfSatisfying(
                        Mapped.HeldBack.class,
                        h -> assertThat(h.reason().key()).isEqualTo("load.reason.not-re-enrolled"));
        assertThat(mapping.map(reEnrolled, 1, LocalDate.of(2027, 7, 1)))
                .isInstanceOfSatisfying(
                        Mapped.Person.class,
                        p -> assertThat(p.person().draft().expirationDate()).isEqualTo(LocalDate.of(2028, 10, 1)));
        // Staff are never held back by a student's rule.
        assertThat(mapping.map(user("U012345", "U", "P0012345", null, "2027-10-01Z"), 1, LocalDate.of(2027, 7, 1)))
                .isInstanceOf(Mapped.Person.class);
    }

    @Test
    void rowsThatCannotBeAppliedSayWhy() {
        var today = LocalDate.of(2026, 12, 4);
        assertThat(mapping.map(user("S201234", "X", "P1", null, null), 1, today))
                .isInstanceOfSatisfying(
                        Mapped.Refused.class, r -> assertThat(r.reason().key()).isEqualTo("load.reason.unknown-group"));
        assertThat(mapping.map(user("U201234", "S", "P1", null, null), 1, today))
                .isInstanceOfSatisfying(
                        Mapped.Refused.class,
                        r -> assertThat(r.reason().key()).isEqualTo("load.reason.group-identifier-mismatch"));
        assertThat(mapping.map(user("S201234", "S", null, null, null), 1, today))
                .isInstanceOfSatisfying(
                        Mapped.Refused.class,
                        r -> assertThat(r.reason().key()).isEqualTo("load.reason.missing-university-key"));
        assertThat(mapping.map(user("S201234", "S", "P1", "14/03/1990", null), 1, today))
                .isInstanceOfSatisfying(
                        Mapped.Refused.class, r -> assertThat(r.reason().key()).isEqualTo("load.reason.date"));
        assertThat(mapping.map(user("S201234", "S", "P1", "1990-03-14+01:00", null), 1, today))
                .isInstanceOf(Mapped.Person.class);
    }

    /** Every row of a generated file of 2,000 people is read and mapped (none refused by the mapping). */
    @Test
    void everyRowOfAGeneratedUniversityFileMaps() throws IOException {
        var today = LocalDate.of(2026, 12, 4);
        var out = new ByteArrayOutputStream();
        new UniversityFileGenerator(16, today).write(out, 2000);
        var outcomes = new HashMap<String, Integer>();
        try (var reader =
                AlmaUserReader.open(new ByteArrayInputStream(out.toByteArray()), "gen.xml", ReadLimits.DEFAULTS)) {
            for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                assertThat(row.get()).isInstanceOf(ReadRow.Read.class);
                var mapped = mapping.map(
                        ((ReadRow.Read) row.get()).user(), row.get().position().element(), today);
                outcomes.merge(mapped.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        assertThat(outcomes).containsOnlyKeys("Person").containsEntry("Person", 2000);
    }

    /**
     * R-SIS-5: a row's key holds the day's reading of it. Two days alike read it alike; 1 July (the
     * students' hold-back, R-SIS-4), the October move of the staff's date and a new year (R-REC-4)
     * each change the key, so that every row goes the whole way once on such a day.
     */
    @Test
    void aRowsKeyChangesOnlyWithTheDaysThatChangeItsReading() {
        var digest = "row-digest";
        var key = mapping.rowKey(digest, LocalDate.of(2027, 3, 10));
        assertThat(mapping.rowKey(digest, LocalDate.of(2027, 3, 11))).isEqualTo(key);
        assertThat(mapping.rowKey("another-row", LocalDate.of(2027, 3, 11))).isNotEqualTo(key);
        assertThat(mapping.rowKey(digest, LocalDate.of(2027, 6, 30)))
                .isNotEqualTo(mapping.rowKey(digest, LocalDate.of(2027, 7, 1)));
        assertThat(mapping.rowKey(digest, LocalDate.of(2027, 9, 15)))
                .isNotEqualTo(mapping.rowKey(digest, LocalDate.of(2027, 10, 15)));
        assertThat(mapping.rowKey(digest, LocalDate.of(2027, 12, 31)))
                .isNotEqualTo(mapping.rowKey(digest, LocalDate.of(2028, 1, 1)));
    }
}
