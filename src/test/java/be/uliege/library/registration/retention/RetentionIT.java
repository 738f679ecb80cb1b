package be.uliege.library.registration.retention;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.desk.DeskValidation;
import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronsErased;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The purge and the erasure on request (R-RET-1, R-RET-2, issue 17) on the real MariaDB and
 * directory: what goes with a patron, what stays anonymised for the accounts, the date boundary,
 * an open fee, a hold, a stop in the middle, identifiers never given again.
 *
 * <p>The patrons of these tests have purge dates in the 1990s, and each run purges before a day
 * of that decade: the other tests' patrons, whose purge dates are years ahead, are never in reach.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER, Roles.USER_ADMINISTRATOR})
class RetentionIT {

    static final LocalDate FAR_PAST = LocalDate.of(2000, 1, 1);
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final String PATRONS = "ou=patrons,dc=uliege,dc=be";

    @Autowired
    PurgeJob job;

    @Autowired
    Retention retention;

    @Autowired
    RetentionHolds holds;

    @Autowired
    PurgeRuns runs;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    PatronService patrons;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    /** Patrons left past a 1990s purge date by an earlier test of this class (held, owing) go first. */
    @BeforeEach
    void noPatronOfAnEarlierTestIsDue() {
        jdbc.update("delete from patron where purge_date < ?", Date.valueOf(FAR_PAST));
    }

    /** Makes a record past its purge date: expired in {@code purge} minus four years. */
    void due(long patronId, LocalDate purge) {
        jdbc.update(
                "update patron set expiration_date = ?, purge_date = ? where id = ?",
                Date.valueOf(purge.minusYears(4)),
                Date.valueOf(purge),
                patronId);
    }

    PurgeRun purge(LocalDate before) {
        return SystemPrincipal.call(() -> job.execute(job.begin(before, SystemPrincipal.NAME)));
    }

    boolean exists(long patronId) {
        return jdbc.queryForObject("select count(*) from patron where id = ?", Integer.class, patronId) == 1;
    }

    int rows(String table, long patronId) {
        return jdbc.queryForObject("select count(*) from " + table + " where patron_id = ?", Integer.class, patronId);
    }

    static int entries(String uid) throws LDAPException {
        try (var connection =
                Objects.requireNonNull(EmbeddedServers.running()).directory().getConnection()) {
            return connection
                    .search(PATRONS, SearchScope.SUB, Filter.createEqualityFilter("uid", uid), "1.1")
                    .getEntryCount();
        }
    }

    static boolean noEntry(String uid) {
        try {
            return entries(uid) == 0;
        } catch (LDAPException e) {
            return false;
        }
    }

    /** A patron registered at the desk: validated, card fee paid at ALP, directory account written. */
    DeskFixtures.Entry registered(String first, String last) throws Exception {
        var entry = DeskFixtures.confirmed(registrations, jdbc, first, last, Use.PRIVATE);
        validated(entry);
        fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "ALP");
        step.register(entry.patronId(), patrons.details(entry.patronId()).version(), "ALP");
        // What the registration does after its commit is done before the record is made old.
        await(
                "the welcome mail",
                LIMIT,
                () -> "SENT".equals(step.progress(entry.patronId()).welcomeMail()));
        await("the directory entry of " + entry.identifier(), LIMIT, () -> {
            try {
                return entries(entry.identifier()) == 1;
            } catch (LDAPException e) {
                return false;
            }
        });
        return entry;
    }

    /** Validated at the desk as a new record: the card fee charged, open. */
    void validated(DeskFixtures.Entry entry) {
        var record = patrons.details(entry.patronId());
        validation.validateAsNew(
                entry.id(),
                record.version(),
                record.draft(),
                be.uliege.library.registration.patron.IdentityDocument.BELGIAN_ID_CARD);
    }

    @Test
    void rRet1_aPatronPastThePurgeDateGoesWithEverythingTheirs_theFeesStayAnonymous_theCashReportUnchanged()
            throws Exception {
        var entry = registered("Aurélie", "Purge-Complète");
        long id = entry.patronId();
        jdbc.update(
                "insert into patron_photo (patron_id, jpeg, source, taken_by, taken_at) values (?, ?, 'CAMERA', 'op', now())",
                id,
                new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        jdbc.update(
                "insert into card (patron_id, status, reason, site, printed_by, printed_at) values (?, 'ACTIVE', 'FIRST', 'ALP', 'op', now())",
                id);
        var feeDay = jdbc.queryForObject(
                        "select settled_at from fee where patron_id = ? and status = 'PAID'",
                        java.sql.Timestamp.class,
                        id)
                .toInstant()
                .atZone(java.time.ZoneId.of("Europe/Brussels"))
                .toLocalDate();
        var cashBefore = fees.cashReport(feeDay, "ALP");
        assertThat(rows("registration", id)).isPositive();
        assertThat(rows("identity_check", id)).isPositive();
        assertThat(rows("directory_account", id)).isEqualTo(1);
        assertThat(rows("patron_history", id)).isPositive();
        due(id, LocalDate.of(1990, 3, 1));

        var run = purge(LocalDate.of(1990, 3, 2));

        assertThat(run.status()).isEqualTo(PurgeRun.Status.COMPLETED);
        assertThat(run.purged()).isEqualTo(1);
        assertThat(run.purgedByKind()).containsEntry(PatronKind.B, 1);
        assertThat(run.due()).isEqualTo(1);
        assertThat(exists(id)).isFalse();
        for (var table : List.of(
                "contact_item",
                "additional_identifier",
                "patron_name_token",
                "patron_note",
                "identity_check",
                "registration",
                "directory_account",
                "patron_photo",
                "card",
                "pre_registration",
                "renewal_reminder",
                "retention_hold")) {
            assertThat(rows(table, id)).as(table).isZero();
        }
        // The history says a record was erased, in which run; nothing of who it was.
        assertThat(jdbc.queryForList("select field_name, new_value from patron_history where patron_id = ?", id))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.get("field_name")).isEqualTo("erased");
                    assertThat(line.get("new_value")).isEqualTo(String.valueOf(run.id()));
                });
        // The fee stays for the accounts, without the patron; the day's cash report is the same.
        assertThat(rows("fee", id)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from fee where patron_identifier = ?", Integer.class, entry.identifier()))
                .isZero();
        assertThat(fees.cashReport(feeDay, "ALP")).isEqualTo(cashBefore);
        // The directory entry goes after the commit.
        await("the directory entry deleted", LIMIT, () -> noEntry(entry.identifier()));
        await("no deletion waiting", LIMIT, () -> retention.directoryDeletionsWaiting() == 0);
    }

    @Test
    void rRet1_nothingGoesOnOrBeforeItsPurgeDate_thePreviewSaysTheSame() {
        var onTheDay = DeskFixtures.confirmed(registrations, jdbc, "Jour", "De-La-Purge", Use.PRIVATE);
        var dayBefore = DeskFixtures.confirmed(registrations, jdbc, "Veille", "De-La-Purge", Use.PRIVATE);
        due(onTheDay.patronId(), LocalDate.of(1991, 4, 10));
        due(dayBefore.patronId(), LocalDate.of(1991, 4, 9));

        var preview = retention.preview(LocalDate.of(1991, 4, 10), 10);
        assertThat(preview.first())
                .extracting(Retention.PreviewLine::primaryIdentifier)
                .containsExactly(dayBefore.identifier());
        assertThat(preview.total()).isEqualTo(1);
        var csv = new ByteArrayOutputStream();
        retention.writePreviewCsv(LocalDate.of(1991, 4, 10), Locale.ENGLISH, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8))
                .contains("\"" + dayBefore.identifier() + "\";\"B\";\"1987-04-09\";\"1991-04-09\";\"removed\"")
                .doesNotContain(onTheDay.identifier());

        var run = purge(LocalDate.of(1991, 4, 10));

        assertThat(run.purged()).isEqualTo(1);
        assertThat(exists(dayBefore.patronId())).isFalse();
        assertThat(exists(onTheDay.patronId()))
                .as("its purge date is the run's day: not passed")
                .isTrue();
    }

    @Test
    void rRet1_anOpenFeeKeepsThePatron_listed_untilItIsPaid() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Dette", "Ouverte", Use.PRIVATE);
        validated(entry);
        var open = fees.registrationFees(entry.patronId());
        assertThat(open).isNotEmpty();
        due(entry.patronId(), LocalDate.of(1992, 5, 1));

        var preview = retention.preview(LocalDate.of(1992, 5, 2), 10);
        assertThat(preview.keptForFee()).isEqualTo(1);
        assertThat(preview.total()).isZero();
        var first = purge(LocalDate.of(1992, 5, 2));

        assertThat(first.purged()).isZero();
        assertThat(first.skippedFee()).isEqualTo(1);
        assertThat(retention.skipped(first.id(), 10)).singleElement().satisfies(s -> {
            assertThat(s.primaryIdentifier()).isEqualTo(entry.identifier());
            assertThat(s.outcome()).isEqualTo(PurgeRun.Outcome.SKIPPED_FEE);
        });
        assertThat(exists(entry.patronId())).isTrue();

        fees.payCash(open.stream().map(FeeLine::id).toList(), "ALP");
        var second = purge(LocalDate.of(1992, 5, 2));

        assertThat(second.purged()).isEqualTo(1);
        assertThat(exists(entry.patronId())).isFalse();
        assertThat(retention.skipped(first.id(), 10))
                .as("the patron's line in the earlier report goes with them")
                .isEmpty();
    }

    @Test
    void rRet1_aHoldKeepsThePatronUntilAManagerLiftsIt_andNeedsAReason() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Gel", "Judiciaire", Use.PRIVATE);
        due(entry.patronId(), LocalDate.of(1993, 6, 1));
        assertThatThrownBy(() -> holds.hold(entry.patronId(), "  ok "))
                .isInstanceOfSatisfying(
                        RetentionRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("retention.hold.reason"));
        holds.hold(entry.patronId(), "Litige sur un prêt : dossier 2026/118");
        assertThat(holds.of(entry.patronId()))
                .hasValueSatisfying(h -> assertThat(h.heldBy()).isEqualTo("manager"));

        var held = purge(LocalDate.of(1993, 6, 2));
        assertThat(held.skippedHold()).isEqualTo(1);
        assertThat(held.purged()).isZero();
        assertThat(exists(entry.patronId())).isTrue();

        assertThat(holds.lift(entry.patronId())).isTrue();
        var lifted = purge(LocalDate.of(1993, 6, 2));
        assertThat(lifted.purged()).isEqualTo(1);
        assertThat(exists(entry.patronId())).isFalse();
    }

    @Test
    void rRet2_erasureOnRequest_refusedWhileAFeeIsOpenOrAHoldStands_thenDoneAndReported() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Oubli", "Demandé", Use.PRIVATE);
        validated(entry);
        var open = fees.registrationFees(entry.patronId());

        assertThatThrownBy(() -> retention.eraseOnRequest(entry.patronId(), "mail du 3/12"))
                .isInstanceOfSatisfying(
                        RetentionRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("retention.erase.fee"));
        fees.payCash(open.stream().map(FeeLine::id).toList(), "ALP");
        holds.hold(entry.patronId(), "Contestation en cours");
        assertThatThrownBy(() -> retention.eraseOnRequest(entry.patronId(), "mail du 3/12"))
                .isInstanceOfSatisfying(
                        RetentionRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("retention.erase.held"));
        assertThat(exists(entry.patronId())).isTrue();
        holds.lift(entry.patronId());

        var run = retention.eraseOnRequest(entry.patronId(), "mail du 3/12");

        assertThat(run.kind()).isEqualTo(PurgeRun.Kind.ERASURE);
        assertThat(run.purged()).isEqualTo(1);
        assertThat(run.startedBy()).isEqualTo("manager");
        assertThat(run.note()).isEqualTo("mail du 3/12");
        assertThat(exists(entry.patronId())).isFalse();
        assertThat(retention.runs(5)).extracting(PurgeRun::id).contains(run.id());
    }

    @Test
    void rId3_anIdentifierIsNeverGivenAgain_evenAfterAPurge() {
        var gone = DeskFixtures.confirmed(registrations, jdbc, "Ancien", "Numéro", Use.PRIVATE);
        due(gone.patronId(), LocalDate.of(1994, 7, 1));
        purge(LocalDate.of(1994, 7, 2));
        assertThat(exists(gone.patronId())).isFalse();

        assertThat(jdbc.queryForObject(
                        "select count(*) from retired_identifier where id_value = ?", Integer.class, gone.identifier()))
                .isEqualTo(1);
        // Even a sequence put back on that number (an identifier set outside it, a restore) skips it.
        long number = Long.parseLong(gone.identifier().substring(1));
        jdbc.update("update identifier_sequence set next_value = ? where name = 'PRE_REGISTRATION'", number);

        var next = DeskFixtures.confirmed(registrations, jdbc, "Nouveau", "Numéro", Use.PRIVATE);

        assertThat(next.identifier()).isNotEqualTo(gone.identifier());
        assertThat(Long.parseLong(next.identifier().substring(1))).isGreaterThan(number);
    }

    @Test
    void rRet1_aRunStoppedInTheMiddleKeepsWhatItDid_theNextRunDoesTheRest() {
        int many = 450;
        var base = jdbc.queryForObject("select coalesce(max(id), 0) from patron", Long.class);
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < many; i++) {
            rows.add(new Object[] {String.format("BT%07d", base + i)});
        }
        jdbc.batchUpdate(
                "insert into patron (version, primary_identifier, kind, first_name, last_name, user_group,"
                        + " resource_sharing_library, status, status_date, expiration_date, purge_date, record_type,"
                        + " account_type, institutional_record, created_at, updated_at)"
                        + " values (0, ?, 'B', 'Lot', 'Ancien', 'Lecteur externe', 'ULIEGE', 'INACTIVE', '1990-01-01',"
                        + " '1991-01-01', '1995-01-01', 'PUBLIC', 'INTERNAL', false, now(), now())",
                rows);
        // The administrator's stop arrives while the first batch is being erased.
        var stopped = new AtomicLong(-1);
        ApplicationListener<ApplicationEvent> stopAfterTheFirstBatch = event -> {
            if (event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof PatronsErased erased
                    && stopped.compareAndSet(-1, erased.run())) {
                runs.requestStop(erased.run()); // what Retention.stop does for the administrator
            }
        };
        context.addApplicationListener(stopAfterTheFirstBatch);
        PurgeRun first;
        try {
            first = purge(LocalDate.of(1995, 1, 2));
        } finally {
            context.removeApplicationListener(stopAfterTheFirstBatch);
        }

        assertThat(first.status()).isEqualTo(PurgeRun.Status.STOPPED);
        assertThat(first.due()).isEqualTo(many);
        assertThat(first.purged()).as("one batch, committed").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from patron where purge_date = '1995-01-01'", Integer.class))
                .isEqualTo(many - 200);

        var second = purge(LocalDate.of(1995, 1, 2));

        assertThat(second.status()).isEqualTo(PurgeRun.Status.COMPLETED);
        assertThat(second.purged()).isEqualTo(many - 200);
        assertThat(jdbc.queryForObject("select count(*) from patron where purge_date = '1995-01-01'", Integer.class))
                .isZero();
    }

    @Test
    void theRecordsOfSideEffectsDoneLongAgoGo_thoseStillToDoStay() {
        var old = java.util.UUID.randomUUID().toString();
        var recent = java.util.UUID.randomUUID().toString();
        var waiting = java.util.UUID.randomUUID().toString();
        for (var row : List.of(
                new Object[] {old, "2020-01-01 10:00:00", "2020-01-01 10:00:01", "COMPLETED"},
                new Object[] {
                    recent,
                    java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(2))),
                    java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(2))),
                    "COMPLETED"
                },
                new Object[] {waiting, "2020-01-01 10:00:00", null, "FAILED"})) {
            jdbc.update(
                    "insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE,"
                            + " COMPLETION_DATE, STATUS, COMPLETION_ATTEMPTS) values (?, 'bench.Listener', 'bench.Mailed',"
                            + " '{\"email\":\"someone@example.be\"}', ?, ?, ?, 1)",
                    row);
        }

        purge(LocalDate.of(1996, 6, 1));

        var left = jdbc.queryForList(
                "select ID from EVENT_PUBLICATION where ID in (?, ?, ?)", String.class, old, recent, waiting);
        assertThat(left)
                .as("carried out 30 days ago or more: gone; recent or still to do: kept")
                .containsExactlyInAnyOrder(recent, waiting);
        jdbc.update("delete from EVENT_PUBLICATION where ID in (?, ?)", recent, waiting);
    }

    @Test
    void onePurgeAtATime_anotherStartIsRefusedInWords() {
        var started = SystemPrincipal.call(() -> job.begin(LocalDate.of(1996, 1, 1), SystemPrincipal.NAME));
        try {
            assertThatThrownBy(() -> retention.purgeNow())
                    .isInstanceOfSatisfying(
                            RetentionRefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("retention.purge.running"));
        } finally {
            SystemPrincipal.call(() -> job.execute(started));
        }
    }
}
