package be.uliege.library.registration.load;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.UnusedUniversityNumbers;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.LoadReportLine.Outcome;
import be.uliege.library.registration.load.LoadRun.Status;
import be.uliege.library.registration.patron.LoadInstructions.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly load end to end on MariaDB (R-SIS-1, R-SIS-5): a file read, its rows applied and
 * counted, rejected rows reported with their position and reason, the same file twice changing
 * nothing, a malformed or hostile file refused whole with nothing changed, a run failing in the
 * middle restarted to complete once, the file filed away.
 */
@SpringBootTest
class UniversityLoadJobIT {

    @Autowired
    LoadLauncher launcher;

    @Autowired
    LoadRuns runs;

    @Autowired
    LoadSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    /** So many identifiers of this form that no record holds, current or former. */
    private List<String> free(String prefix, int length, int count) {
        var chosen = new java.util.LinkedHashSet<String>();
        while (chosen.size() < count) {
            var candidates = new java.util.LinkedHashSet<String>();
            while (candidates.size() < count - chosen.size()) {
                var candidate = prefix + digits(length);
                if (!chosen.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
            var in =
                    String.join(",", candidates.stream().map(c -> "'" + c + "'").toList());
            candidates.removeAll(jdbc.queryForList(
                    "select primary_identifier from patron where primary_identifier in (" + in + ")"
                            + " or university_key in (" + in + ")"
                            + " union select id_value from additional_identifier where id_value in (" + in + ")",
                    String.class));
            chosen.addAll(candidates);
        }
        return List.copyOf(chosen);
    }

    /** The database the numbers are checked against (the other tests' people share it). */
    private static @org.jspecify.annotations.Nullable JdbcTemplate taken;

    @org.junit.jupiter.api.BeforeEach
    void numbersAreCheckedAgainstTheDatabase() {
        taken = jdbc;
    }

    /** Digits no record of the shared database wears yet ({@link UnusedUniversityNumbers}). */
    static String digits(int n) {
        return UnusedUniversityNumbers.digits(taken, n);
    }

    Path drop(String name, String xml) throws IOException {
        Files.createDirectories(settings.folder());
        var file = settings.folder().resolve(name + "-" + digits(8) + ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    LoadRun load(Path file, Mode mode) {
        long run = launcher.prepare(file, mode, false, "test");
        return SystemPrincipal.call(() -> launcher.execute(run, file, mode, false, java.time.Duration.ofMinutes(5)))
                .orElseThrow();
    }

    List<LoadReportLine> lines(long run) {
        var lines = new ArrayList<LoadReportLine>();
        runs.lines(run, lines::add);
        return lines;
    }

    long patronsWith(String primary) {
        return jdbc.queryForObject("select count(*) from patron where primary_identifier = ?", Long.class, primary);
    }

    @Test
    void aFileIsLoadedCountedReportedAndFiledAway_andTheSameFileAgainChangesNothing() throws IOException {
        var s = "S" + digits(6);
        var u = "U" + digits(6);
        var c = "C" + digits(6);
        var xml = AlmaXml.file()
                .user(
                        s,
                        "S",
                        "P" + digits(7),
                        "Chiara",
                        "Di Mauro",
                        s.toLowerCase() + "@student.uliege.be",
                        "0475 12 34 56")
                .user(
                        "S" + digits(6),
                        "X",
                        "P" + digits(7),
                        "Ahmed",
                        "El Amrani",
                        "a@student.uliege.be",
                        "0475 12 34 56")
                .user(u, "U", "P" + digits(7), "Gülşen", "Öztürk", u.toLowerCase() + "@uliege.be", "04 366 21 11")
                .user("S" + digits(6), "S", "P" + digits(7), "Jan", "De Smet", "not an address", "0475 12 34 56")
                .user(
                        c,
                        "C",
                        "P" + digits(7),
                        "Olena",
                        "Shevchenko",
                        c.toLowerCase() + "@chuliege.be",
                        "+32 4 366 77 11")
                .xml();
        var file = drop("people", xml);

        var first = load(file, Mode.SYNCHRONIZE);

        assertThat(first.status()).isEqualTo(Status.COMPLETED);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.counts().read()).isEqualTo(5);
        assertThat(first.counts().created()).isEqualTo(3);
        assertThat(first.counts().rejected()).isEqualTo(2);
        assertThat(patronsWith(s) + patronsWith(u) + patronsWith(c)).isEqualTo(3);
        var report = lines(first.id());
        assertThat(report).extracting(LoadReportLine::element).containsExactly(2L, 4L);
        assertThat(report).allMatch(l -> l.outcome() == Outcome.REJECTED && l.line() > 0);
        assertThat(report.getFirst().reasonKey()).isEqualTo("load.reason.unknown-group");
        assertThat(report.get(1).field()).startsWith("contacts");
        assertThat(Files.exists(file)).isFalse();
        try (var processed = Files.list(settings.processed())) {
            assertThat(processed.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(file.getFileName().toString()));
        }

        long version = jdbc.queryForObject("select version from patron where primary_identifier = ?", Long.class, s);
        var again = load(drop("people-again", xml), Mode.SYNCHRONIZE);
        assertThat(again.counts().unchanged()).isEqualTo(3);
        assertThat(again.counts().created()).isZero();
        assertThat(again.counts().updated()).isZero();
        assertThat(jdbc.queryForObject("select version from patron where primary_identifier = ?", Long.class, s))
                .isEqualTo(version);
    }

    /** A file of these students, with keys no record holds, each with the phone given by its place. */
    String students(List<String> people, String first, String last, java.util.function.IntFunction<String> phone) {
        var keys = free("P", 7, people.size());
        var builder = AlmaXml.file();
        for (int i = 0; i < people.size(); i++) {
            var s = people.get(i);
            builder.user(s, "S", keys.get(i), first, last, s.toLowerCase() + "@student.uliege.be", phone.apply(i));
        }
        return builder.xml();
    }

    /**
     * R-SIS-5: a synchronization recognises the unchanged rows as its check reads the file: the
     * people step reads only the changed one, the unchanged records move only their day. A file
     * refused at its very end moves no day at all (the check's work is one transaction), and the rows
     * the check kept are gone once the run is over.
     */
    @Test
    void theCheckRecognisesUnchangedRows_andAFileRefusedAtItsEndMovesNoDay() throws IOException {
        var people = free("S", 6, 3);
        var xml = students(people, "Thi Thu", "Nguyễn", i -> "0475 12 34 5" + i);
        assertThat(load(drop("fingerprints", xml), Mode.SYNCHRONIZE).counts().created())
                .isEqualTo(3);
        var in = String.join(",", people.stream().map(p -> "'" + p + "'").toList());
        jdbc.update("update patron set synchronized_on = '2026-01-05' where primary_identifier in (" + in + ")");
        var versions = jdbc.queryForList(
                "select version from patron where primary_identifier in (" + in + ") order by id", Long.class);

        var refused = load(
                drop("fingerprints-broken", xml.replace("</users>", "<user><primary_id>S1</primary_id>")),
                Mode.SYNCHRONIZE);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.counts().unchanged()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where synchronized_on = '2026-01-05' and primary_identifier in ("
                                + in + ")",
                        Long.class))
                .isEqualTo(3);

        var changed =
                load(drop("fingerprints-changed", xml.replace("0475 12 34 52", "0476 98 76 54")), Mode.SYNCHRONIZE);
        assertThat(changed.status()).isEqualTo(Status.COMPLETED);
        assertThat(changed.counts().read()).isEqualTo(3);
        assertThat(changed.counts().unchanged()).isEqualTo(2);
        assertThat(changed.counts().updated()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select read_count from BATCH_STEP_EXECUTION where job_execution_id = ? and step_name = 'people'",
                        Long.class,
                        changed.jobExecutionId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where synchronized_on = '2026-01-05' and primary_identifier in ("
                                + in + ")",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForList(
                                "select version from patron where primary_identifier in (" + in + ") order by id",
                                Long.class)
                        .subList(0, 2))
                .isEqualTo(versions.subList(0, 2));
        assertThat(jdbc.queryForObject(
                        "select count(*) from load_pending_row where run_id in (?, ?)",
                        Long.class,
                        refused.id(),
                        changed.id()))
                .isZero();
    }

    /**
     * A row larger than a real one can be (over 256 KB as the load keeps it) is not kept whole: it
     * is reported with its position and primary id, and the rows around it are applied.
     */
    @Test
    void aRowTooLargeToKeepIsReportedAndTheOthersApplied() throws IOException {
        var people = free("S", 6, 3);
        var students = students(people, "Oluwaseun", "Adeyemi", i -> "0475 12 34 56");
        var notes = new StringBuilder("<user_notes>");
        for (int i = 0; i < 70; i++) {
            notes.append("<user_note><note_type>CIRCULATION</note_type><note_text>")
                    .append("Lorem ipsum ".repeat(320))
                    .append("</note_text></user_note>");
        }
        notes.append("</user_notes>");
        var second = "<primary_id>" + people.get(1) + "</primary_id>";
        var xml = students;
        int at = xml.indexOf("</user>", xml.indexOf(second));
        xml = xml.substring(0, at) + notes + xml.substring(at);

        var run = load(drop("too-large", xml), Mode.SYNCHRONIZE);

        assertThat(run.status()).isEqualTo(Status.COMPLETED);
        assertThat(run.counts().created()).isEqualTo(2);
        assertThat(run.counts().rejected()).isEqualTo(1);
        assertThat(patronsWith(people.get(1))).isZero();
        assertThat(lines(run.id())).singleElement().satisfies(l -> {
            assertThat(l.reasonKey()).isEqualTo("load.reason.row-too-large");
            assertThat(l.element()).isEqualTo(2);
            assertThat(l.primaryId()).isEqualTo(people.get(1));
        });
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedWholeAndNothingChanges() throws IOException {
        var s = "S" + digits(6);
        var xml = AlmaXml.file()
                .user(
                        s,
                        "S",
                        "P" + digits(7),
                        "Chiara",
                        "Di Mauro",
                        s.toLowerCase() + "@student.uliege.be",
                        "0475 12 34 56")
                .xml()
                .replace("</users>", "<user><primary_id>S1</primary_id>");
        var file = drop("broken", xml);

        var run = load(file, Mode.SYNCHRONIZE);

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(run.refusedReason()).isNotBlank();
        assertThat(patronsWith(s)).isZero();
        assertThat(Files.exists(file)).isFalse();
        try (var failed = Files.list(settings.failed())) {
            assertThat(failed.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(file.getFileName().toString()));
        }
    }

    @Test
    void aFileDeclaringEntitiesIsRefusedWhole() throws IOException {
        var s = "S" + digits(6);
        var xml = AlmaXml.file()
                .user(
                        s,
                        "S",
                        "P" + digits(7),
                        "Chiara",
                        "&xxe;",
                        s.toLowerCase() + "@student.uliege.be",
                        "0475 12 34 56")
                .xml()
                .replace("<users>", "<!DOCTYPE users [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<users>");

        var run = load(drop("xxe", xml), Mode.SYNCHRONIZE);

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(patronsWith(s)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from patron where last_name like '%root%'", Long.class))
                .isZero();
    }

    @Test
    void theSamePersonTwiceIsOnePatronAndTheReportSaysWhichRowWon() throws IOException {
        var key = "P" + digits(7);
        var s = "S" + digits(6);
        var u = "U" + digits(6);
        var xml = AlmaXml.file()
                .user(s, "S", key, "Kwame", "Mensah", s.toLowerCase() + "@student.uliege.be", "0475 12 34 56")
                .user(u, "U", key, "Kwame", "Mensah", u.toLowerCase() + "@uliege.be", "04 366 21 11")
                .xml();

        var run = load(drop("twice", xml), Mode.SYNCHRONIZE);

        assertThat(run.counts().created()).isEqualTo(1);
        assertThat(run.counts().duplicates()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from patron where university_key = ?", Long.class, key))
                .isEqualTo(1);
        assertThat(patronsWith(u)).isEqualTo(1);
        assertThat(lines(run.id())).singleElement().satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(l.reasonArgs()).containsExactly(key, u, s);
        });
    }

    /**
     * A database fault in the middle (a row locked by another session past the lock wait): the run
     * fails with the chunks before it committed; resumed, it completes, and every row is counted once.
     */
    @Test
    void aRunFailingInTheMiddleIsResumedAndCompletesOnce() throws Exception {
        var builder = AlmaXml.file();
        var ids = new ArrayList<String>();
        // Other tests' people share the database: identifiers and keys none of them has, as a
        // current or a former identifier (a student who became staff keeps the S one).
        var students = free("S", 6, 1200);
        var keyList = free("P", 7, 1200);
        for (int i = 0; i < 1200; i++) {
            var s = students.get(i);
            ids.add(s);
            builder.user(
                    s, "S", keyList.get(i), "Léa", "Lambotte", s.toLowerCase() + "@student.uliege.be", "0475 12 34 56");
        }
        // A record the second chunk will update, locked by another session.
        var locked = ids.get(700);
        var key = "P" + digits(7);
        var prior = AlmaXml.file()
                .user(locked, "S", key, "Léa", "Lambotte", locked.toLowerCase() + "@student.uliege.be", "0475 99 99 99")
                .xml();
        load(drop("prior", prior), Mode.SYNCHRONIZE);
        var xml = builder.xml()
                .replaceFirst(
                        "(<primary_id>" + locked + "</primary_id>[\\s\\S]*?<value>)P\\d{7}(</value>)",
                        "$1" + key + "$2");
        var file = drop("fault", xml);

        LoadRun failed;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                statement.execute("set global innodb_lock_wait_timeout = 2");
                long lockedId =
                        jdbc.queryForObject("select id from patron where primary_identifier = ?", Long.class, locked);
                // By primary key: a lock on that one row, no gap (inserts go on).
                statement.executeQuery("select id from patron where id = " + lockedId + " for update");
                failed = load(file, Mode.SYNCHRONIZE);
            } finally {
                other.rollback();
                try (var statement = other.createStatement()) {
                    statement.execute("set global innodb_lock_wait_timeout = 50");
                }
            }
        }
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.counts().read()).isEqualTo(500);
        assertThat(Files.exists(file)).isTrue();

        var done = SystemPrincipal.call(() -> launcher.resume(failed, java.time.Duration.ofMinutes(5)))
                .orElseThrow();

        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.counts().read()).isEqualTo(1200);
        assertThat(done.counts().created()
                        + done.counts().updated()
                        + done.counts().unchanged())
                .isEqualTo(1200);
        assertThat(done.counts().updated()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where primary_identifier in ("
                                + String.join(
                                        ",",
                                        ids.stream().map(i -> "'" + i + "'").toList()) + ")",
                        Long.class))
                .isEqualTo(1200);
        assertThat(Files.exists(file)).isFalse();
    }
}
