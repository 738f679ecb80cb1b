package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.UnusedUniversityNumbers;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.patron.LoadInstructions.MatchPoint;
import be.uliege.library.registration.patron.LoadInstructions.Mode;
import be.uliege.library.registration.patron.LoadOutcome.Result;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.security.Roles;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The nightly load's rules on the patron records (R-SIS-2, R-SIS-3, R-SIS-5, R-EXT-2, R-CNV-3), on
 * MariaDB: match on the university key and on a former identifier, unchanged rows change nothing,
 * local data survives, one person twice in a file is one record, import creates only.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class UniversityPeopleIT {

    private static final AtomicLong RUNS =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Autowired
    UniversityPeople people;

    @Autowired
    PatronService service;

    @Autowired
    Patrons patrons;

    @Autowired
    PatronContacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PatronStore store;

    @Autowired
    PatronRules rules;

    @Autowired
    PatronSettings settings;

    static LoadInstructions sync(long run) {
        return new LoadInstructions(
                Mode.SYNCHRONIZE,
                MatchPoint.UNIVERSITY_KEY,
                run,
                DAY,
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                false);
    }

    /** The database the numbers are checked against (the other tests' people share it). */
    private static @org.jspecify.annotations.Nullable JdbcTemplate taken;

    @org.junit.jupiter.api.BeforeEach
    void numbersAreCheckedAgainstTheDatabase() {
        taken = jdbc;
    }

    /** Digits no record of the shared database wears yet ({@link UnusedUniversityNumbers}). */
    static String number() {
        return UnusedUniversityNumbers.digits(taken, 6);
    }

    static LoadedPerson person(String primary, String key, String last, String phone) {
        var kind = PatronKind.ofIdentifier(primary).orElseThrow();
        var group = switch (kind) {
            case U -> "Personnel ULiège";
            case C -> "Personnel CHU";
            default -> "Étudiant ULiège";
        };
        return new LoadedPerson(
                1,
                primary,
                key,
                new PatronDraft(
                        "Ayşe",
                        last,
                        Gender.F,
                        LocalDate.of(2001, 5, 17),
                        Language.FRE,
                        group,
                        group,
                        null,
                        null,
                        LocalDate.of(2027, 10, 1),
                        key,
                        List.of(
                                new ContactDraft(
                                        ContactKind.EMAIL,
                                        ContactUsage.WORK,
                                        true,
                                        primary.toLowerCase() + "@student.uliege.be",
                                        null,
                                        null,
                                        null),
                                new ContactDraft(
                                        ContactKind.PHONE, ContactUsage.MOBILE, true, phone, null, null, null))));
    }

    List<LoadOutcome> apply(LoadInstructions how, LoadedPerson... rows) {
        return SystemPrincipal.call(() -> people.apply(List.of(rows), how));
    }

    long historyLines(long id) {
        return jdbc.queryForObject("select count(*) from patron_history where patron_id = ?", Long.class, id);
    }

    long idOf(String primary) {
        return jdbc.queryForObject("select id from patron where primary_identifier = ?", Long.class, primary);
    }

    /** The columns of a record as written, without those that differ by nature between two records. */
    java.util.Map<String, Object> recordRow(String primary) {
        var row = new java.util.TreeMap<String, Object>(
                jdbc.queryForMap("select * from patron where primary_identifier = ?", primary));
        for (var column : List.of(
                "id",
                "primary_identifier",
                "university_key",
                "created_at",
                "updated_at",
                "load_hash",
                "synchronized_on",
                "synchronized_run")) {
            row.remove(column);
        }
        return row;
    }

    List<String> ownRows(String primary) {
        long id = idOf(primary);
        var rows = new java.util.ArrayList<String>();
        jdbc.query(
                "select kind, source, usage_type, preferred, replace(item_value, ?, 'x'), postal_code, city, country"
                        + " from contact_item where patron_id = ? order by kind, item_value",
                rs -> {
                    var line = new StringBuilder("contact");
                    for (int c = 1; c <= 8; c++) {
                        line.append('|').append(rs.getString(c));
                    }
                    rows.add(line.toString());
                },
                primary.toLowerCase(),
                id);
        rows.addAll(jdbc.queryForList(
                "select concat('identifier|', id_type) from additional_identifier where patron_id = ? order by id_type",
                String.class,
                id));
        rows.addAll(jdbc.queryForList(
                "select concat('token|', token) from patron_name_token where patron_id = ? order by token",
                String.class,
                id));
        return rows;
    }

    /**
     * A record the load creates is written by SQL in bulk (LoadedCreates), for speed; it must hold
     * exactly what the record's own path (the entity, as the desk writes it) would: the same columns,
     * contact items, additional identifiers and name words, and one history line naming the run.
     */
    @Test
    void aCreatedRecordHoldsWhatTheRecordsOwnPathWouldWrite() {
        long run = RUNS.incrementAndGet();
        var loaded = person("S" + number(), "P" + number() + "4", "Nguyễn-Đặng", "0475 12 34 56");
        assertThat(apply(sync(run), loaded)).extracting(LoadOutcome::result).containsExactly(Result.CREATED);

        var other = person("S" + number(), "P" + number() + "5", "Nguyễn-Đặng", "0475 12 34 56");
        var identifier = be.uliege.library.registration.patron.identifier.PrimaryIdentifier.parse(
                other.primaryIdentifier(), settings);
        var checked = rules.check(other.draft(), identifier.kind(), PatronRules.Actor.LOAD);
        store.create(identifier, checked, PatronStatus.ACTIVE);

        assertThat(recordRow(loaded.primaryIdentifier())).isEqualTo(recordRow(other.primaryIdentifier()));
        assertThat(ownRows(loaded.primaryIdentifier()))
                .isNotEmpty()
                .containsExactlyElementsOf(ownRows(other.primaryIdentifier()));
        long id = idOf(loaded.primaryIdentifier());
        assertThat(jdbc.queryForList(
                        "select concat(field_name, '=', new_value) from patron_history where patron_id = ?",
                        String.class,
                        id))
                .containsExactly(LoadedCreates.HISTORY_FIELD + "=" + run);
        assertThat(jdbc.queryForMap("select load_hash, synchronized_on, synchronized_run from patron where id = ?", id))
                .containsEntry("load_hash", UniversityPeople.hash(loaded))
                .containsEntry("synchronized_on", java.sql.Date.valueOf(DAY))
                .containsEntry("synchronized_run", run);
        // Read back through the entity, as the desk reads it.
        var details = service.details(id);
        assertThat(details.synchronization()).isEqualTo(new Synchronization(DAY, true));
        assertThat(details.version()).isZero();
    }

    /**
     * A student known under one P key comes back with another, and as staff too in the same file
     * (both rows under the new key, one chunk): the second row is the same person, found by the key
     * the first row just gave the record — not a second record with that key, which the database
     * refused and failed the whole chunk (LoadStopIT, one run in seven, two random files sharing a
     * student number).
     */
    @Test
    void aChangedKeyLeadsTheSamePersonsSecondRowOfTheChunkToTheSameRecord() {
        var s = "S" + number();
        var u = "U" + number();
        var oldKey = "P" + number() + "5";
        var newKey = "P" + number() + "6";
        assertThat(apply(sync(RUNS.incrementAndGet()), person(s, oldKey, "Öztürk", "0475 12 34 56")))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.CREATED);

        var outcomes = apply(
                sync(RUNS.incrementAndGet()),
                person(s, newKey, "Öztürk", "0475 12 34 56"),
                person(u, newKey, "Öztürk", "0475 12 34 56"));

        assertThat(outcomes).extracting(LoadOutcome::result).containsExactly(Result.UPDATED, Result.DUPLICATE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where university_key = ? or primary_identifier in (?, ?)",
                        Integer.class,
                        newKey,
                        s,
                        u))
                .as("one record for the person")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select primary_identifier from patron where university_key = ?", String.class, newKey))
                .as("staff wins over student (U before S)")
                .isEqualTo(u);
    }

    @Test
    void sameRowTwiceChangesNothingTheSecondTimeButTheDay() {
        var row = person("S" + number(), "P" + number() + "1", "Yılmaz", "0475 12 34 56");
        assertThat(apply(sync(RUNS.incrementAndGet()), row))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.CREATED);
        long id = idOf(row.primaryIdentifier());
        long version = jdbc.queryForObject("select version from patron where id = ?", Long.class, id);
        long lines = historyLines(id);

        assertThat(apply(sync(RUNS.incrementAndGet()), row))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.UNCHANGED);

        assertThat(jdbc.queryForObject("select version from patron where id = ?", Long.class, id))
                .isEqualTo(version);
        assertThat(historyLines(id)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("select synchronized_on from patron where id = ?", LocalDate.class, id))
                .isEqualTo(DAY);
    }

    @Test
    void aChangedRowReplacesTheExternalItemsAndKeepsTheLocalOnes() {
        var row = person("S" + number(), "P" + number() + "2", "Nguyễn", "0475 12 34 56");
        apply(sync(RUNS.incrementAndGet()), row);
        long id = idOf(row.primaryIdentifier());
        var withLocal = contacts.addLocalContact(
                id,
                service.details(id).version(),
                new ContactDraft(
                        ContactKind.EMAIL, ContactUsage.PERSONAL, true, "ayse.nguyen@gmail.com", null, null, null));
        withLocal = contacts.addNote(id, withLocal.version(), "Prefers letters by e-mail");

        long emailItem = jdbc.queryForObject(
                "select id from contact_item where patron_id = ? and kind = 'EMAIL' and source = 'EXTERNAL'",
                Long.class,
                id);
        var tokensBefore = jdbc.queryForList(
                "select concat(token, '/', patron_id) from patron_name_token where patron_id = ?", String.class, id);
        long linesBefore = historyLines(id);

        var changed = person(row.primaryIdentifier(), row.universityKey(), "Nguyễn-Trần", "+32 476 99 88 77");
        assertThat(apply(sync(RUNS.incrementAndGet()), changed))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.UPDATED);
        // The e-mail the file still holds is the same item, and the history speaks only of what changed:
        // the last name, the phone removed and the new one added (and the record's change time).
        assertThat(jdbc.queryForObject(
                        "select id from contact_item where patron_id = ? and kind = 'EMAIL' and source = 'EXTERNAL'",
                        Long.class,
                        id))
                .isEqualTo(emailItem);
        var newLines = jdbc.queryForList(
                "select field_name from patron_history where patron_id = ? order by id desc limit ?",
                String.class,
                id,
                historyLines(id) - linesBefore);
        assertThat(newLines).noneMatch(f -> f.startsWith("contact.email")).contains("lastName");
        assertThat(newLines.stream().filter(f -> f.startsWith("contact.phone"))).hasSize(2);
        assertThat(jdbc.queryForList(
                        "select concat(token, '/', patron_id) from patron_name_token where patron_id = ?",
                        String.class,
                        id))
                .containsAll(tokensBefore.stream()
                        .filter(t -> !t.startsWith("nguyen/"))
                        .toList())
                .contains("nguyen/" + id, "tran/" + id);

        var after = service.details(id);
        assertThat(after.lastName()).isEqualTo("Nguyễn-Trần");
        assertThat(after.version()).isGreaterThan(withLocal.version());
        assertThat(after.contacts())
                .filteredOn(c -> c.source() == ContactSource.LOCAL)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.display()).isEqualTo("ayse.nguyen@gmail.com");
                    assertThat(c.preferred()).isTrue();
                    assertThat(c.usedForLetters()).isTrue();
                });
        assertThat(after.contacts())
                .filteredOn(c -> c.source() == ContactSource.EXTERNAL && c.kind() == ContactKind.PHONE)
                .singleElement()
                .satisfies(c -> assertThat(c.display()).contains("476"));
        assertThat(after.notes()).extracting(PatronDetails.Note::text).contains("Prefers letters by e-mail");
    }

    @Test
    void aConvertedFormerStudentIsMatchedOnTheFormerIdentifierNotDuplicated() {
        var student = "S" + number();
        var key = "P" + number() + "3";
        // A former student converted to B at the desk (R-CNV-1): B identifier, the S one kept as former.
        var b = SystemPrincipal.call(() -> patrons.createWithIdentifier(
                "B" + String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 949_999)),
                new PatronDraft(
                        "Ayşe",
                        "Demir",
                        Gender.F,
                        LocalDate.of(2001, 5, 17),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("ayse.demir@skynet.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 11 22 33", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Saint-Gilles 12", "4000", "Liège", "BE"))),
                PatronStatus.ACTIVE,
                PatronRules.Actor.STAFF));
        jdbc.update(
                "insert into additional_identifier (patron_id, id_type, id_value) values (?, 'FORMER_PRIMARY', ?)",
                b.id(),
                student);
        long before = jdbc.queryForObject("select count(*) from patron", Long.class);

        var outcome = apply(sync(RUNS.incrementAndGet()), person(student, key, "Demir", "0475 12 34 56"));

        assertThat(outcome).extracting(LoadOutcome::result).containsExactly(Result.UPDATED);
        assertThat(jdbc.queryForObject("select count(*) from patron", Long.class))
                .isEqualTo(before);
        var after = service.details(b.id());
        assertThat(after.primaryIdentifier()).isEqualTo(student);
        assertThat(after.kind()).isEqualTo(PatronKind.S);
        assertThat(after.accountType()).isEqualTo(AccountType.EXTERNAL);
        assertThat(after.universityKey()).isEqualTo(key);
        assertThat(after.identifiers())
                .contains(new PatronDetails.Identifier(IdentifierType.FORMER_PRIMARY, b.primaryIdentifier()));
        // What the desk typed for the B patron stays, as local items.
        assertThat(after.contacts())
                .anyMatch(c -> c.source() == ContactSource.LOCAL && c.display().contains("skynet"));
    }

    @Test
    void onePersonTwiceInAFileIsOneRecordAndTheStaffRowWinsInEitherOrder() {
        var key = "P" + number() + "4";
        var s = person("S" + number(), key, "Mukendi", "0475 12 34 56");
        var u = person("U" + number(), key, "Mukendi", "04 366 21 11");

        var first = apply(sync(RUNS.incrementAndGet()), s, u);
        assertThat(first).extracting(LoadOutcome::result).containsExactly(Result.CREATED, Result.DUPLICATE);
        assertThat(first.get(1).patron()).isEqualTo(u.primaryIdentifier());
        assertThat(first.get(1).other()).isEqualTo(s.primaryIdentifier());
        long id = idOf(u.primaryIdentifier());
        // The staff row's record, written once: its own contacts, the student identifier kept.
        assertThat(service.details(id).kind()).isEqualTo(PatronKind.U);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where primary_identifier = ?", Long.class, s.primaryIdentifier()))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select id_type from additional_identifier where patron_id = ? and id_value = ?",
                        String.class,
                        id,
                        s.primaryIdentifier()))
                .containsExactly(IdentifierType.FORMER_PRIMARY.name());
        assertThat(jdbc.queryForList(
                        "select item_value from contact_item where patron_id = ? and kind = 'PHONE'", String.class, id))
                .singleElement()
                .asString()
                .isEqualTo("3243662111");
        long version = jdbc.queryForObject("select version from patron where id = ?", Long.class, id);
        long lines = historyLines(id);

        // The next night, the same file: the S row waits for the end of the run, the U row is unchanged.
        long run = RUNS.incrementAndGet();
        var second = apply(sync(run), s, u);
        assertThat(second).extracting(LoadOutcome::result).containsExactly(Result.DEFERRED, Result.UNCHANGED);
        var deferred = SystemPrincipal.call(() -> people.applyDeferred(s, sync(run)));
        assertThat(deferred.result()).isEqualTo(Result.DUPLICATE);
        assertThat(deferred.patron()).isEqualTo(u.primaryIdentifier());
        assertThat(jdbc.queryForObject("select version from patron where id = ?", Long.class, id))
                .isEqualTo(version);
        assertThat(historyLines(id)).isEqualTo(lines);

        // A night when the person is a student only: the S row, decided at the end, is applied.
        long later = RUNS.incrementAndGet();
        assertThat(apply(sync(later), s)).extracting(LoadOutcome::result).containsExactly(Result.DEFERRED);
        assertThat(SystemPrincipal.call(() -> people.applyDeferred(s, sync(later)))
                        .result())
                .isEqualTo(Result.UPDATED);
        assertThat(service.details(id).kind()).isEqualTo(PatronKind.S);
        // From S to U and back, never a B: no directory account of ours to disable (R-CNV-3 is for
        // B patrons), so no event, and no history line about one.
        assertThat(jdbc.queryForObject(
                        "select count(*) from EVENT_PUBLICATION where EVENT_TYPE like '%PatronIdentifierChanged'"
                                + " and SERIALIZED_EVENT like ?",
                        Long.class, "%" + s.primaryIdentifier() + "%"))
                .isZero();
    }

    /** Three rows of one person in one chunk: one record, the winner's, every other identifier kept. */
    @Test
    void onePersonThreeTimesInAChunkKeepsEveryIdentifier() {
        var key = "P" + number() + "6";
        var s = person("S" + number(), key, "Van den Broeck", "0475 12 34 56");
        var c = person("C" + number(), key, "Van den Broeck", "04 366 21 11");
        var u = person("U" + number(), key, "Van den Broeck", "04 366 21 12");

        assertThat(apply(sync(RUNS.incrementAndGet()), s, c, u))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.CREATED, Result.DUPLICATE, Result.DUPLICATE);

        long id = idOf(u.primaryIdentifier());
        assertThat(jdbc.queryForList(
                        "select concat(id_type, '=', id_value) from additional_identifier where patron_id = ?",
                        String.class,
                        id))
                .containsExactlyInAnyOrder(
                        "FORMER_PRIMARY=" + s.primaryIdentifier(),
                        "FORMER_PRIMARY=" + c.primaryIdentifier(),
                        "UNIVERSITY_KEY=" + key);
    }

    @Test
    void importCreatesOnlyAndRejectsAPersonAlreadyHere() {
        var row = person("C" + number(), "P" + number() + "5", "Papadopoulos", "0475 12 34 56");
        var importing = new LoadInstructions(
                Mode.IMPORT,
                MatchPoint.UNIVERSITY_KEY,
                RUNS.incrementAndGet(),
                DAY,
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                false);
        assertThat(apply(importing, row)).extracting(LoadOutcome::result).containsExactly(Result.CREATED);
        var again = new LoadInstructions(
                Mode.IMPORT,
                MatchPoint.UNIVERSITY_KEY,
                RUNS.incrementAndGet(),
                DAY,
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                false);
        var outcome = apply(again, row).getFirst();
        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.reasons()).extracting(v -> v.code()).containsExactly("load.import-exists");
    }

    @Test
    void aRowLeadingToTwoRecordsIsRejectedAndChangesNeither() {
        var a = person("S" + number(), "P" + number() + "6", "Wiśniewski", "0475 12 34 56");
        var b = person("S" + number(), "P" + number() + "7", "Kowalczyk", "0475 12 34 57");
        apply(sync(RUNS.incrementAndGet()), a, b);
        // a's identifier with b's key: two different records.
        var crossed = person(a.primaryIdentifier(), b.universityKey(), "Wiśniewska", "0475 12 34 56");
        var outcome = apply(sync(RUNS.incrementAndGet()), crossed).getFirst();
        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.reasons()).extracting(v -> v.code()).containsExactly("load.two-records");
        assertThat(service.details(idOf(a.primaryIdentifier())).lastName()).isEqualTo("Wiśniewski");
    }

    static LoadInstructions with(Mode mode, long run, boolean dryRun) {
        return new LoadInstructions(
                mode, MatchPoint.UNIVERSITY_KEY, run, DAY, List.of(PatronKind.U, PatronKind.C, PatronKind.S), dryRun);
    }

    List<Boolean> recognise(LoadInstructions how, UniversityPeople.Fingerprint... rows) {
        return SystemPrincipal.call(() -> people.recognise(List.of(rows), how));
    }

    String dayOf(long id) {
        return jdbc.queryForObject("select synchronized_on from patron where id = ?", String.class, id);
    }

    /**
     * R-SIS-5, R-SIS-3: the check's first look at a row. A row whose fingerprint is the one last
     * applied to its record moves only that record's day, without a version or a history line; it is
     * recognised once per run (the same person twice goes the whole way), never in a dry run's
     * writing nor in an import, never with another fingerprint, never for a record that is no longer
     * one of the university's people.
     */
    @Test
    void aRowWithTheFingerprintLastAppliedIsRecognisedOnceAndOnlyMovesTheDay() {
        var s = "S" + number();
        var key = "P" + number() + "4";
        var drafted = person(s, key, "Nowak", "0475 12 34 56");
        var row = new LoadedPerson(1, s, key, drafted.draft(), "first-" + number());
        apply(sync(RUNS.incrementAndGet()), row);
        long id = idOf(s);
        assertThat(jdbc.queryForObject("select row_key from patron where id = ?", String.class, id))
                .isEqualTo(row.rowKey());
        jdbc.update("update patron set synchronized_on = '2026-11-30' where id = ?", id);
        long version = jdbc.queryForObject("select version from patron where id = ?", Long.class, id);
        long history = historyLines(id);
        var same = new UniversityPeople.Fingerprint(s.toLowerCase(), row.rowKey());
        long run = RUNS.incrementAndGet();

        assertThat(recognise(with(Mode.SYNCHRONIZE, run, true), same)).containsExactly(true);
        assertThat(dayOf(id)).isEqualTo("2026-11-30");
        assertThat(recognise(with(Mode.IMPORT, run, false), same)).containsExactly(false);
        assertThat(recognise(sync(run), new UniversityPeople.Fingerprint(s, "other-" + number())))
                .containsExactly(false);
        assertThat(dayOf(id)).isEqualTo("2026-11-30");

        assertThat(recognise(sync(run), same, same)).containsExactly(true, false);
        assertThat(dayOf(id)).isEqualTo(DAY.toString());
        assertThat(recognise(sync(run), same)).containsExactly(false);
        assertThat(jdbc.queryForObject("select version from patron where id = ?", Long.class, id))
                .isEqualTo(version);
        assertThat(historyLines(id)).isEqualTo(history);

        // A changed row applied keeps its own fingerprint; the old one is no longer recognised.
        var changed = new LoadedPerson(
                1, s, key, person(s, key, "Nowak", "0475 65 43 21").draft(), "second-" + number());
        assertThat(apply(sync(RUNS.incrementAndGet()), changed))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.UPDATED);
        assertThat(recognise(sync(RUNS.incrementAndGet()), same)).containsExactly(false);
        var now = new UniversityPeople.Fingerprint(s, changed.rowKey());
        assertThat(recognise(sync(RUNS.incrementAndGet()), now)).containsExactly(true);

        jdbc.update("update patron set kind = 'B' where id = ?", id);
        assertThat(recognise(sync(RUNS.incrementAndGet()), now)).containsExactly(false);
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothing() {
        var row = person("S" + number(), "P" + number() + "8", "Öztürk", "0475 12 34 56");
        var dry = new LoadInstructions(
                Mode.SYNCHRONIZE,
                MatchPoint.UNIVERSITY_KEY,
                RUNS.incrementAndGet(),
                DAY,
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                true);
        assertThat(apply(dry, row)).extracting(LoadOutcome::result).containsExactly(Result.CREATED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patron where primary_identifier = ?",
                        Long.class,
                        row.primaryIdentifier()))
                .isZero();
    }

    @Test
    void aRowBreakingTheRulesIsRejectedWithTheRulesOwnReasons() {
        var row = person("S" + number(), "P" + number() + "9", "Robert'); DROP TABLE patron;--", "0475 12 34 56");
        var outcome = apply(sync(RUNS.incrementAndGet()), row).getFirst();
        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.reasons()).extracting(v -> v.field()).contains("lastName");
    }

    @Test
    void aPersonWithOneNamePartIsLoaded() {
        var row = person("S" + number(), "P" + number() + "0", "Sukarno", "0475 12 34 56");
        var draft = row.draft();
        var mononym = new LoadedPerson(
                1,
                row.primaryIdentifier(),
                row.universityKey(),
                new PatronDraft(
                        null,
                        "Sukarno",
                        draft.gender(),
                        draft.birthDate(),
                        draft.preferredLanguage(),
                        draft.userGroup(),
                        draft.jobCategory(),
                        null,
                        null,
                        draft.expirationDate(),
                        draft.universityKey(),
                        draft.contacts()));
        assertThat(apply(sync(RUNS.incrementAndGet()), mononym))
                .extracting(LoadOutcome::result)
                .containsExactly(Result.CREATED);
        assertThat(service.details(idOf(row.primaryIdentifier())).lastName()).isEqualTo("Sukarno");
    }
}
