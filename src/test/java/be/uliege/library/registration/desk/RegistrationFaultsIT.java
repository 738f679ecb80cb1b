package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.confirmed;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.directory.PatronEntriesDeleteRequested;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.retention.Retention;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The registration step while the mail server or the directory is down, through the event
 * publication registry and its retry (R-DESK-4, R-INT-1, R-INT-2): the patron is active at once,
 * the step shows as pending while the server is away, and completes by itself once it is back —
 * one directory entry, one welcome mail. And an erasure while the directory is down (R-RET-1,
 * R-RET-2): the record goes at once, its directory entry once the directory is back, once.
 * Retries every second here (a minute in production).
 */
@SpringBootTest(properties = {"registration.events.retry-delay=PT1S", "registration.events.retry-initial-delay=PT1S"})
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
@DirtiesContext // closed after this class: its one-second retries do not run on behind the other tests
class RegistrationFaultsIT {

    /**
     * These properties make a second application context in the test JVM. Vaadin gives each context
     * its own {@link SecurityContextHolderStrategy} and makes it the global one when the context
     * starts: the contexts started before would then find no signed-in user through
     * {@link SecurityContextHolder} in their next tests (their own strategy holds it). This context
     * shares the strategy already in place instead, so that it changes nothing for the others.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedSecurityContextStrategy {
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return SecurityContextHolder.getContextHolderStrategy();
        }
    }

    static final Duration LIMIT = Duration.ofSeconds(20);
    static final String PATRONS = "ou=patrons,dc=uliege,dc=be";

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    RegistrationStep step;

    @Autowired
    Fees fees;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Retention retention;

    record Ready(DeskFixtures.Entry entry, long version) {}

    /** A pre-registration validated and paid for: ready for the registration step. */
    Ready ready(String first, String last) {
        var entry = confirmed(registrations, jdbc, first, last, Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated = validation.validateAsNew(
                entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
        fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "ALP");
        return new Ready(entry, patrons.details(entry.patronId()).version());
    }

    static EmbeddedServers servers() {
        return Objects.requireNonNull(EmbeddedServers.running());
    }

    static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The registry's publication of the registration's welcome mail: its status and completion attempts. */
    Map<String, Object> welcomeMailPublication(long registrationId) {
        return jdbc.queryForMap(
                "select STATUS, COMPLETION_ATTEMPTS, COMPLETION_DATE from EVENT_PUBLICATION "
                        + "where EVENT_TYPE = ? and SERIALIZED_EVENT like ?",
                PatronRegistered.class.getName(),
                "%\"registrationId\":" + registrationId + ",%");
    }

    boolean welcomeMailFailed(long registrationId, int attemptsAtLeast) {
        var publication = welcomeMailPublication(registrationId);
        var attempts = (Number) publication.get("COMPLETION_ATTEMPTS");
        return "FAILED".equals(publication.get("STATUS")) && attempts != null && attempts.intValue() >= attemptsAtLeast;
    }

    long welcomeMails(DeskFixtures.Entry entry) {
        return mailsTo(entry.email(), entry.identifier()).stream()
                .filter(m -> RegistrationStepIT.subject(m).startsWith("Bienvenue"))
                .count();
    }

    long historyLines(long patronId, String field) {
        return patronHistory.lines(patronId).stream()
                .map(HistoryLine::field)
                .filter(field::equals)
                .count();
    }

    static int entriesWithUid(String uid) throws LDAPException {
        try (var connection = servers().directory().getConnection()) {
            return connection
                    .search(PATRONS, SearchScope.SUB, Filter.createEqualityFilter("uid", uid), "1.1")
                    .getEntryCount();
        }
    }

    static void assertBinds(String dn, String password) throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", servers().directoryPort())) {
            assertThat(connection.bind(dn, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(dn, password + "x"))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }

    /** Lets a few more retry rounds pass: what completed must not be done a second time. */
    static void severalRetryRounds() throws InterruptedException {
        Thread.sleep(3_500);
    }

    @Test
    void rInt2_mailServerDownDuringTheStep_activeAtOnce_oneWelcomeMailOnceItIsBack() throws Exception {
        var ready = ready("Maëlle", "Courrier-Panne");
        var entry = ready.entry();
        var mail = servers().mail();
        int smtpPort = mail.getSmtp().getPort();
        RegistrationStep.Outcome outcome;
        mail.stop();
        try {
            assertThat(listening(smtpPort)).as("SMTP port closed").isFalse();

            outcome = step.register(entry.patronId(), ready.version(), "ALP");

            // The desk is not held up: active at once, the login and password shown.
            assertThat(outcome.patron().status()).isEqualTo(PatronStatus.ACTIVE);
            assertThat(patrons.details(entry.patronId()).status()).isEqualTo(PatronStatus.ACTIVE);
            assertThat(outcome.account().password()).hasSize(12);
            // The mail was tried, failed, retried by the registry and failed again: pending, for staff to see.
            await("the welcome mail failing", LIMIT, () -> welcomeMailFailed(outcome.registrationId(), 0));
            int attempts =
                    ((Number) welcomeMailPublication(outcome.registrationId()).get("COMPLETION_ATTEMPTS")).intValue();
            await(
                    "the welcome mail resubmitted, failing again",
                    LIMIT,
                    () -> welcomeMailFailed(outcome.registrationId(), attempts + 1));
            var progress = step.progress(entry.patronId());
            assertThat(progress.welcomeMail()).isEqualTo("PENDING");
            assertThat(progress.welcomeMailAt()).isNull();
            assertThat(progress.isComplete()).isFalse();
            // Staff see that the mail server refused it, not only that it waits.
            assertThat(progress.welcomeMailFailures()).isGreaterThanOrEqualTo(attempts + 1);
            // The directory does not wait for the mail server.
            await(
                    "the directory account",
                    LIMIT,
                    () -> step.progress(entry.patronId()).account() != null
                            && step.progress(entry.patronId()).account().state() == PatronAccounts.State.DONE);

            mail.start();
            assertThat(mail.getSmtp().getPort())
                    .as("back on the port the application sends to")
                    .isEqualTo(smtpPort);
        } finally {
            if (!mail.isRunning()) {
                mail.start();
            }
        }

        await(
                "the welcome mail, once the server is back",
                LIMIT,
                () -> "SENT".equals(step.progress(entry.patronId()).welcomeMail()));
        await("the welcome mail received", LIMIT, () -> welcomeMails(entry) > 0);
        severalRetryRounds();
        assertThat(welcomeMails(entry)).isEqualTo(1);
        assertThat(step.progress(entry.patronId()).isComplete()).isTrue();
        assertThat(step.progress(entry.patronId()).welcomeMailAt()).isNotNull();
        assertThat(step.progress(entry.patronId()).welcomeMailFailures()).isZero();
        assertThat(historyLines(entry.patronId(), "welcomeMail")).isEqualTo(1);
        var publication = welcomeMailPublication(outcome.registrationId());
        assertThat(publication.get("STATUS")).as("nothing left to retry").isEqualTo("COMPLETED");
        assertThat(publication.get("COMPLETION_DATE")).isNotNull();
        assertThat(entriesWithUid(entry.identifier())).isEqualTo(1);
    }

    @Test
    void rInt1_directoryDownDuringTheStep_activeAtOnce_theAccountIsWrittenOnceItIsBack() throws Exception {
        var ready = ready("Bruno", "Annuaire-Panne");
        var entry = ready.entry();
        var directory = servers().directory();
        int port = directory.getListenPort();
        var dn = "uid=" + entry.identifier() + "," + PATRONS;
        RegistrationStep.Outcome outcome;
        directory.shutDown("ldap", true);
        try {
            assertThat(listening(port)).as("LDAP port closed").isFalse();

            outcome = step.register(entry.patronId(), ready.version(), "ALP");

            assertThat(outcome.patron().status()).isEqualTo(PatronStatus.ACTIVE);
            assertThat(patrons.details(entry.patronId()).status()).isEqualTo(PatronStatus.ACTIVE);
            assertThat(outcome.account().login()).isEqualTo(entry.identifier());
            // Tried, noted, retried by the registry: pending for staff, with the directory's result code.
            await("the directory account failing twice", LIMIT, () -> {
                var account = step.progress(entry.patronId()).account();
                return account != null && account.attempts() >= 2;
            });
            var account = Objects.requireNonNull(step.progress(entry.patronId()).account());
            assertThat(account.state()).isEqualTo(PatronAccounts.State.PENDING);
            assertThat(account.lastError()).isIn(ResultCode.CONNECT_ERROR.getName(), ResultCode.SERVER_DOWN.getName());
            assertThat(account.completedAt()).isNull();
            // The welcome mail does not wait for the directory.
            await(
                    "the welcome mail",
                    LIMIT,
                    () -> "SENT".equals(step.progress(entry.patronId()).welcomeMail()));

            directory.startListening("ldap");
            assertThat(directory.getListenPort())
                    .as("back on the port the application's pool points at")
                    .isEqualTo(port);
        } finally {
            directory.startListening("ldap"); // does nothing when it listens already
        }

        await(
                "the directory account, once the directory is back",
                LIMIT,
                () -> step.progress(entry.patronId()).account().state() == PatronAccounts.State.DONE);
        severalRetryRounds();
        var account = Objects.requireNonNull(step.progress(entry.patronId()).account());
        assertThat(account.state()).isEqualTo(PatronAccounts.State.DONE);
        assertThat(account.lastError()).isNull();
        assertThat(entriesWithUid(entry.identifier())).isEqualTo(1);
        var written = directory.getEntry(dn);
        assertThat(written.getAttributeValue("shadowExpire"))
                .isEqualTo(String.valueOf(LibraryDay.today().plusYears(1).toEpochDay()));
        assertThat(directory
                        .getEntry("cn=library-patrons,ou=groups,dc=uliege,dc=be")
                        .getAttributeValues("member"))
                .contains(dn);
        assertBinds(dn, outcome.account().password());
        await("the directory step in the history", LIMIT, () -> historyLines(entry.patronId(), "directoryAccount") > 0);
        assertThat(historyLines(entry.patronId(), "directoryAccount")).isEqualTo(1);
        assertThat(welcomeMails(entry)).isEqualTo(1);
        assertThat(step.progress(entry.patronId()).isComplete()).isTrue();
    }

    /** The publications of the directory deletions that name this uid: status and attempts. */
    java.util.List<Map<String, Object>> entryDeletions(String uid) {
        return jdbc.queryForList(
                "select STATUS, COMPLETION_ATTEMPTS, COMPLETION_DATE from EVENT_PUBLICATION "
                        + "where EVENT_TYPE = ? and SERIALIZED_EVENT like ?",
                PatronEntriesDeleteRequested.class.getName(),
                "%\"" + uid + "\"%");
    }

    @Test
    void rRet1_directoryDownDuringAnErasure_theRecordGoesAtOnce_theEntryOnceItIsBack() throws Exception {
        var ready = ready("Effacée", "Annuaire-Absent");
        var entry = ready.entry();
        step.register(entry.patronId(), ready.version(), "ALP");
        await("the directory entry", LIMIT, () -> {
            try {
                return entriesWithUid(entry.identifier()) == 1;
            } catch (LDAPException e) {
                return false;
            }
        });
        await(
                "the welcome mail",
                LIMIT,
                () -> "SENT".equals(step.progress(entry.patronId()).welcomeMail()));
        var directory = servers().directory();
        int port = directory.getListenPort();
        directory.shutDown("ldap", true);
        try {
            assertThat(listening(port)).as("LDAP port closed").isFalse();

            var run = DeskFixtures.as(
                    "manager",
                    () -> retention.eraseOnRequest(entry.patronId(), "asked at the desk"),
                    Roles.DESK_OPERATOR,
                    Roles.DESK_MANAGER);

            assertThat(run.purged()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from patron where id = ?", Integer.class, entry.patronId()))
                    .as("the record does not wait for the directory")
                    .isZero();
            await(
                    "the deletion tried and failed twice",
                    LIMIT,
                    () -> entryDeletions(entry.identifier()).stream()
                            .anyMatch(p -> ((Number) p.get("COMPLETION_ATTEMPTS")).intValue() >= 2));
            assertThat(DeskFixtures.as("manager", () -> retention.directoryDeletionsWaiting(), Roles.DESK_MANAGER))
                    .as("shown as waiting on the retention screen")
                    .isEqualTo(1);

            directory.startListening("ldap");
        } finally {
            directory.startListening("ldap");
        }

        await("the entry deleted once the directory is back", LIMIT, () -> {
            try {
                return entriesWithUid(entry.identifier()) == 0;
            } catch (LDAPException e) {
                return false;
            }
        });
        await(
                "the deletion completed",
                LIMIT,
                () -> entryDeletions(entry.identifier()).stream().allMatch(p -> p.get("COMPLETION_DATE") != null));
        severalRetryRounds();
        var deletions = entryDeletions(entry.identifier());
        assertThat(deletions)
                .as("one request for the entry, completed, not run again")
                .singleElement();
        int attempts = ((Number) deletions.getFirst().get("COMPLETION_ATTEMPTS")).intValue();
        severalRetryRounds();
        assertThat(((Number) entryDeletions(entry.identifier()).getFirst().get("COMPLETION_ATTEMPTS")).intValue())
                .isEqualTo(attempts);
        assertThat(directory
                        .getEntry("cn=library-patrons,ou=groups,dc=uliege,dc=be")
                        .getAttributeValues("member"))
                .doesNotContain("uid=" + entry.identifier() + "," + PATRONS);
        assertThat(DeskFixtures.as("manager", () -> retention.directoryDeletionsWaiting(), Roles.DESK_MANAGER))
                .isZero();
    }
}
