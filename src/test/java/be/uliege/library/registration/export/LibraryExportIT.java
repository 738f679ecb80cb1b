package be.uliege.library.registration.export;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.load.file.AlmaUser;
import be.uliege.library.registration.load.file.AlmaUserReader;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.patron.ExternalPatrons;
import be.uliege.library.registration.patron.PatronContacts;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.retention.Retention;
import be.uliege.library.registration.security.Roles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The export to the library system (R-INT-3) on MariaDB: every file valid against the schema the
 * nightly load reads, read back by the load's own reader with the record's values (the round
 * trip); a delta after each kind of change (a new patron, a changed one, an erased one told once
 * as an inactive user to purge, an unchanged one left out); the split at the users-per-file limit;
 * a failed export that leaves no file and tells the erased patrons next time.
 */
@SpringBootTest
@WithMockUser(
        username = "admin",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
class LibraryExportIT {

    @Autowired
    LibraryExport export;

    @Autowired
    ExportSettings settings;

    @Autowired
    ExportRuns runs;

    @Autowired
    ExternalPatrons patrons;

    @Autowired
    LockProvider locks;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    PatronService patronService;

    @Autowired
    PatronContacts contacts;

    @Autowired
    Retention retention;

    @Autowired
    JdbcTemplate jdbc;

    ExportRun run(LibraryExport with, ExportRun.Kind kind) {
        return SystemPrincipal.call(
                () -> with.execute(with.begin(kind, SystemPrincipal.NAME).orElseThrow()));
    }

    /** Every user of the run's files, by primary id, each file checked against the schema first. */
    Map<String, AlmaUser> users(ExportRun run, Path folder) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/load/alma-users.xsd"));
        var users = new HashMap<String, AlmaUser>();
        for (var file : run.files()) {
            var path = folder.resolve(file.name());
            assertThat(Files.size(path)).isEqualTo(file.bytes());
            byte[] xml;
            try (var zip = new ZipInputStream(Files.newInputStream(path))) {
                var entry = zip.getNextEntry();
                assertThat(entry).isNotNull();
                assertThat(entry.getName()).isEqualTo(file.name().replace(".zip", ".xml"));
                xml = zip.readAllBytes();
                assertThat(zip.getNextEntry()).as("one XML file per zip").isNull();
            }
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            int inFile = 0;
            try (var reader = AlmaUserReader.open(new ByteArrayInputStream(xml), file.name(), ReadLimits.DEFAULTS)) {
                for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                    assertThat(row.get()).isInstanceOf(ReadRow.Read.class);
                    var user = ((ReadRow.Read) row.get()).user();
                    users.put(user.primaryId(), user);
                    inFile++;
                }
            }
            assertThat(inFile).isEqualTo(file.users());
        }
        return users;
    }

    @Test
    void rInt3_aFullExportIsValid_andReadsBackThroughTheLoadsOwnReaderWithTheRecordsValues() throws Exception {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Émilie", "D’Exportation-Aller", Use.PROFESSIONAL);
        var record = patronService.details(entry.patronId());

        var run = run(export, ExportRun.Kind.FULL);

        assertThat(run.status()).isEqualTo(ExportRun.Status.COMPLETED);
        assertThat(run.kind()).isEqualTo(ExportRun.Kind.FULL);
        assertThat(run.users())
                .isEqualTo(jdbc.queryForObject("select count(*) from patron where kind in ('B', 'BX')", Integer.class));
        var users = users(run, settings.folder());
        var user = users.get(entry.identifier());
        assertThat(user).isNotNull();
        assertThat(user.firstName()).isEqualTo("Émilie");
        assertThat(user.lastName()).isEqualTo("D’Exportation-Aller");
        assertThat(user.userGroup()).isEqualTo("PRO");
        assertThat(user.birthDate()).isEqualTo(record.birthDate() + "Z");
        assertThat(user.expiryDate()).isEqualTo(record.expirationDate() + "Z");
        assertThat(user.purgeDate()).isEqualTo(record.purgeDate() + "Z");
        assertThat(user.status()).isEqualTo(record.status().name());
        assertThat(user.preferredLanguage()).isEqualTo("fr");
        assertThat(user.jobDescription()).isEqualTo(record.jobDescription());
        assertThat(user.emails()).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo(entry.email());
            assertThat(e.preferred()).isTrue();
            assertThat(e.segmentType()).isEqualTo("External");
        });
        assertThat(user.addresses()).singleElement().satisfies(a -> {
            assertThat(a.city()).isEqualTo("Liège");
            assertThat(a.postalCode()).isEqualTo("4000");
            assertThat(a.country()).isEqualTo("BEL");
        });
        assertThat(user.phones()).hasSize(1);
        assertThat(user.rsLibraries()).containsExactly("PIB");
        // B and BX only: the university's people are the university's to send.
        assertThat(users.keySet()).allMatch(id -> id.startsWith("B"));
    }

    @Test
    void rInt3_aDeltaCarriesWhatChanged_newChangedAndErased_notTheRest_andAnErasedPatronOnce() throws Exception {
        var unchanged = DeskFixtures.confirmed(registrations, jdbc, "Inchangé", "Delta", Use.PRIVATE);
        var changed = DeskFixtures.confirmed(registrations, jdbc, "Changé", "Delta", Use.PRIVATE);
        var erased = DeskFixtures.confirmed(registrations, jdbc, "Effacé", "Delta", Use.PRIVATE);
        run(export, ExportRun.Kind.FULL);
        Thread.sleep(5); // a change after the export's start, even on a coarse clock

        var added = DeskFixtures.confirmed(registrations, jdbc, "Nouveau", "Delta", Use.PRIVATE);
        contacts.addNote(
                changed.patronId(),
                patronService.details(changed.patronId()).version(),
                "Carte perdue <2026> & \"retrouvée\" à l’ALPHA");
        retention.eraseOnRequest(erased.patronId(), "test");

        var delta = run(export, ExportRun.Kind.DELTA);

        assertThat(delta.kind()).isEqualTo(ExportRun.Kind.DELTA);
        assertThat(delta.deleted()).isGreaterThanOrEqualTo(1);
        var users = users(delta, settings.folder());
        assertThat(users).containsKeys(added.identifier(), changed.identifier(), erased.identifier());
        assertThat(users).doesNotContainKey(unchanged.identifier());
        assertThat(users.get(changed.identifier()).notes())
                .anySatisfy(n -> assertThat(n.text()).isEqualTo("Carte perdue <2026> & \"retrouvée\" à l’ALPHA"));
        var gone = users.get(erased.identifier());
        assertThat(gone.status()).isEqualTo("INACTIVE");
        assertThat(gone.lastName()).isEqualTo("-");
        assertThat(gone.firstName()).isNull();
        assertThat(gone.emails()).isEmpty();

        var next = run(export, ExportRun.Kind.DELTA);
        assertThat(users(next, settings.folder()))
                .as("told once: the next delta has nothing of them")
                .doesNotContainKeys(erased.identifier(), unchanged.identifier(), changed.identifier());
    }

    @Test
    void rInt3_atMostTheLimitOfUsersPerFile() throws Exception {
        var small = new ExportSettings(
                settings.folder(),
                settings.cron(),
                7,
                settings.externalId(),
                settings.groups(),
                settings.jobCategories(),
                settings.languages(),
                settings.identifierTypes(),
                settings.rsLibraries(),
                settings.keepFiles());
        for (int i = 0; i < 8; i++) {
            DeskFixtures.confirmed(registrations, jdbc, "Lot" + (char) ('A' + i), "Découpage", Use.PRIVATE);
        }
        var run = run(new LibraryExport(locks, runs, patrons, small), ExportRun.Kind.FULL);

        int total = run.users() + run.deleted();
        assertThat(run.files()).hasSize((total + 6) / 7);
        assertThat(run.files()).allSatisfy(f -> assertThat(f.users()).isBetween(1, 7));
        assertThat(run.files().stream().mapToInt(ExportRun.File::users).sum()).isEqualTo(total);
        assertThat(users(run, settings.folder())).hasSize(total);
        assertThat(settings.maxUsersPerFile()).as("Alma's limit, configured").isEqualTo(20_000);
    }

    @Test
    void theFilesOfAnOldExportGo_itsRunStays() throws Exception {
        var old = run(export, ExportRun.Kind.FULL);
        var file = settings.folder().resolve(old.files().getFirst().name());
        assertThat(file).exists();
        jdbc.update("update export_run set started_at = date_sub(started_at, interval 31 day) where id = ?", old.id());

        run(export, ExportRun.Kind.DELTA);

        assertThat(file).doesNotExist();
        var kept = runs.find(old.id()).orElseThrow();
        assertThat(kept.files()).isEmpty();
        assertThat(kept.users()).isEqualTo(old.users());
        assertThat(kept.note()).contains("deleted");
    }

    @Test
    void aFailedExportLeavesNoFile_andTheErasedPatronsWaitForTheNextOne() throws Exception {
        var erased = DeskFixtures.confirmed(registrations, jdbc, "Attente", "Échec", Use.PRIVATE);
        retention.eraseOnRequest(erased.patronId(), "test");
        var notAFolder = Files.createTempFile("export", ".not-a-folder");
        var broken = new ExportSettings(
                notAFolder,
                settings.cron(),
                settings.maxUsersPerFile(),
                settings.externalId(),
                settings.groups(),
                settings.jobCategories(),
                settings.languages(),
                settings.identifierTypes(),
                settings.rsLibraries(),
                settings.keepFiles());

        var failed = run(new LibraryExport(locks, runs, patrons, broken), ExportRun.Kind.FULL);

        assertThat(failed.status()).isEqualTo(ExportRun.Status.FAILED);
        assertThat(failed.files()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from export_deletion where primary_identifier = ?",
                        Integer.class,
                        erased.identifier()))
                .isEqualTo(1);
        var next = run(export, ExportRun.Kind.FULL);
        assertThat(users(next, settings.folder())).containsKey(erased.identifier());
        Files.deleteIfExists(notAFolder);
    }
}
