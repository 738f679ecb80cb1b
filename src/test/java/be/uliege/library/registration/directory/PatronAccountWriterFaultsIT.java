package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory going down while patrons are activated, then coming back (R-DESK-4, R-INT-1), on a
 * real OpenLDAP: the failed write is noted for staff without personal data, the request stays
 * pending (its transaction rolled back, the note kept), and the retry after the restart writes
 * exactly one entry whose password binds.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronAccountWriterFaultsIT {

    static final String BASE = "dc=uliege,dc=be";
    static final String PATRONS = "ou=patrons," + BASE;
    static final String GROUP = "cn=library-patrons,ou=groups," + BASE;

    static Slapd slapd;

    @Autowired
    DirectorySettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryAccountRepository accountRows;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronAccounts accounts;

    DirectoryConnections slapdConnections;
    PatronAccountWriter onSlapd;

    @BeforeAll
    static void startSlapd() throws LDAPException {
        slapd = Slapd.start(BASE);
        try (var admin = slapd.connect()) {
            admin.add(new Entry(
                    GROUP,
                    new Attribute("objectClass", "top", "groupOfNames"),
                    new Attribute("cn", "library-patrons"),
                    new Attribute("member", GROUP)));
        }
    }

    @AfterAll
    static void closeSlapd() {
        if (slapd != null) {
            slapd.close();
        }
    }

    @BeforeEach
    void writer() {
        var onSlapdSettings = new DirectorySettings(
                slapd.url(),
                slapd.bindDn(),
                slapd.bindPassword(),
                settings.baseDn(),
                settings.staffDn(),
                settings.groupsDn(),
                settings.patronsDn(),
                settings.groups(),
                settings.poolSize(),
                Duration.ofSeconds(2),
                "SSHA");
        slapdConnections = new DirectoryConnections(onSlapdSettings);
        onSlapd = new PatronAccountWriter(slapdConnections, onSlapdSettings, accountRows, transactions, events, clock);
    }

    @AfterEach
    void closePool() {
        slapdConnections.destroy();
    }

    record Issued(PatronDetails patron, String email, String password, PatronAccountRequested event) {
        String dn() {
            return "uid=" + patron.primaryIdentifier() + "," + PATRONS;
        }
    }

    /** A patron whose account was asked for, the request pending as before any directory answered. */
    Issued pendingRequest(String first) {
        var hex = UUID.randomUUID().toString().replace("-", "");
        var last = new StringBuilder("Panne-");
        for (int i = 0; i < 8; i++) {
            last.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        }
        var email = "fault." + hex.substring(0, 12) + "@example.be";
        var patron = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        first,
                        last.toString(),
                        Gender.M,
                        LocalDate.of(1975, 2, 3),
                        Language.ENG,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email(email, ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 12 34 56", ContactUsage.MOBILE),
                                ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE"))));
        var expiration = LocalDate.now(clock).plusYears(1);
        var password = new TransactionTemplate(transactions)
                .execute(s -> accounts.issue(new PatronAccounts.Holder(
                        patron.id(),
                        patron.primaryIdentifier(),
                        patron.firstName(),
                        patron.lastName(),
                        email,
                        expiration)));
        var requestId = jdbc.queryForObject(
                "select request_id from directory_account where patron_id = ?", String.class, patron.id());
        // The application's own listener writes it to the embedded directory meanwhile: let it finish, then
        // put the request back as it stood before any directory answered.
        var end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"DONE"
                .equals(jdbc.queryForObject(
                        "select state from directory_account where patron_id = ?", String.class, patron.id()))) {
            assertThat(System.nanoTime()).as("the embedded directory's account").isLessThan(end);
            sleep(50);
        }
        jdbc.update(
                "update directory_account set state = 'PENDING', completed_at = null, attempts = 0, last_error = null "
                        + "where patron_id = ?",
                patron.id());
        return new Issued(
                patron,
                email,
                password.password(),
                new PatronAccountRequested(
                        requestId,
                        patron.id(),
                        patron.primaryIdentifier(),
                        patron.firstName(),
                        patron.lastName(),
                        email,
                        expiration,
                        PatronPasswords.hash(password.password(), PatronPasswords.Scheme.SSHA)));
    }

    /** As the event registry delivers it: in a transaction of its own, rolled back when the listener throws. */
    void deliver(PatronAccountRequested event) throws LDAPException {
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                try {
                    onSlapd.on(event);
                } catch (LDAPException e) {
                    throw new Rethrown(e);
                }
            });
        } catch (Rethrown e) {
            throw (LDAPException) e.getCause();
        }
    }

    static final class Rethrown extends RuntimeException {
        Rethrown(LDAPException cause) {
            super(cause);
        }
    }

    Map<String, Object> row(long patronId) {
        return jdbc.queryForMap(
                "select request_id, state, attempts, last_error, completed_at from directory_account "
                        + "where patron_id = ?",
                patronId);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void rInt1_directoryStoppedDuringActivation_thePendingAccountIsWrittenOnceItIsBack() throws Exception {
        // A first activation while the directory runs: the pool holds live connections when it goes down.
        var earlier = pendingRequest("Adam");
        deliver(earlier.event());
        assertThat(row(earlier.patron().id()).get("state")).isEqualTo("DONE");

        var issued = pendingRequest("Basile");
        slapd.stop();
        LDAPException failure;
        try {
            failure = Assertions.assertThrows(LDAPException.class, () -> deliver(issued.event()));
            assertThat(failure.getResultCode())
                    .isIn(ResultCode.CONNECT_ERROR, ResultCode.SERVER_DOWN, ResultCode.TIMEOUT);

            // Noted for staff in a transaction of its own (the listener's was rolled back): still pending,
            // one attempt, the directory's result code — nothing personal.
            var row = row(issued.patron().id());
            assertThat(row.get("state")).isEqualTo("PENDING");
            assertThat(row.get("request_id")).isEqualTo(issued.event().requestId());
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat(row.get("completed_at")).isNull();
            var lastError = (String) row.get("last_error");
            assertThat(lastError).isEqualTo(failure.getResultCode().getName());
            assertThat(List.of(
                            ResultCode.CONNECT_ERROR.getName(),
                            ResultCode.SERVER_DOWN.getName(),
                            ResultCode.TIMEOUT.getName()))
                    .contains(lastError);
            assertThat(lastError)
                    .doesNotContain(
                            issued.patron().primaryIdentifier(),
                            issued.patron().lastName(),
                            issued.patron().firstName(),
                            issued.email(),
                            issued.password(),
                            "{SSHA}",
                            "127.0.0.1");
            assertThat(accounts.status(issued.patron().id())).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(PatronAccounts.State.PENDING);
                assertThat(s.attempts()).isEqualTo(1);
                assertThat(s.lastError()).isEqualTo(lastError);
            });

            // Retried while still down: one attempt more, still pending, and nothing else changes.
            assertThatThrownBy(() -> deliver(issued.event())).isInstanceOf(LDAPException.class);
            assertThat(((Number) row(issued.patron().id()).get("attempts")).intValue())
                    .isEqualTo(2);
            assertThat(row(issued.patron().id()).get("state")).isEqualTo("PENDING");
        } finally {
            slapd.restart();
        }

        // Back on the same port with its data: the next retry writes the account, once.
        deliver(issued.event());
        var row = row(issued.patron().id());
        assertThat(row.get("state")).isEqualTo("DONE");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("completed_at")).isNotNull();

        // A late duplicate of the same retry changes nothing.
        deliver(issued.event());
        assertThat(((Number) row(issued.patron().id()).get("attempts")).intValue())
                .isEqualTo(3);

        try (var admin = slapd.connect()) {
            var found = admin.search(
                            PATRONS,
                            SearchScope.SUB,
                            Filter.createEqualityFilter("uid", issued.patron().primaryIdentifier()))
                    .getSearchEntries();
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().getAttributeValueAsLong("shadowExpire"))
                    .isEqualTo(issued.event().expiration().toEpochDay());
            assertThat(admin.getEntry(GROUP).getAttributeValues("member")).contains(issued.dn(), earlier.dn());
            // The account written before the outage is still there, untouched.
            assertThat(admin.search(PATRONS, SearchScope.SUB, "(uid=*)", "uid").getSearchEntries())
                    .extracting(e -> e.getAttributeValue("uid"))
                    .containsExactlyInAnyOrder(
                            earlier.patron().primaryIdentifier(),
                            issued.patron().primaryIdentifier());
        }
        for (var account : List.of(earlier, issued)) {
            try (var connection = new LDAPConnection("127.0.0.1", slapd.port())) {
                assertThat(connection.bind(account.dn(), account.password()).getResultCode())
                        .isEqualTo(ResultCode.SUCCESS);
                assertThatThrownBy(() -> connection.bind(account.dn(), account.password() + "x"))
                        .isInstanceOfSatisfying(
                                LDAPException.class,
                                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
            }
        }
    }
}
