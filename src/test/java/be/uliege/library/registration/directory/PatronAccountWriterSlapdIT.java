package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The registration step's directory writing (R-DESK-4, R-INT-1) against a real OpenLDAP (Debian's
 * slapd, with its own schemas, access rules and {SSHA} password checking) as well as the embedded
 * directory: each account is first written to the embedded directory by the application's own
 * listener after the commit, then the same request is delivered to a writer pointed at slapd.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class PatronAccountWriterSlapdIT {

    static final String BASE = "dc=uliege,dc=be";
    static final String PATRONS = "ou=patrons," + BASE;
    static final String GROUP = "cn=library-patrons,ou=groups," + BASE;
    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    static Slapd slapd;
    /** The uids this class asked slapd to write: the only entries its ou=patrons may hold. */
    static final Set<String> writtenToSlapd = ConcurrentHashMap.newKeySet();

    @Autowired
    DirectorySettings settings;

    @Autowired
    DirectoryConnections connections;

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
    PatronAccountWriter onEmbedded;

    @BeforeAll
    static void startSlapd() throws LDAPException {
        // With the password policy overlay, as OpenLDAP servers usually run: R-DESK-8 tells it "change at next login".
        slapd = Slapd.startWithPasswordPolicy(BASE);
        try (var admin = slapd.connect()) {
            // groupOfNames needs a member: the group's own DN stands in, as in the embedded directory.
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
    void writers() {
        assertThat(settings.baseDn()).isEqualTo(BASE);
        assertThat(settings.groupDn(settings.groups().patrons())).isEqualTo(GROUP);
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
                Duration.ofSeconds(3),
                "SSHA");
        slapdConnections = new DirectoryConnections(onSlapdSettings);
        onSlapd = new PatronAccountWriter(slapdConnections, onSlapdSettings, accountRows, transactions, events, clock);
        onEmbedded = new PatronAccountWriter(connections, settings, accountRows, transactions, events, clock);
    }

    @AfterEach
    void closePool() {
        slapdConnections.destroy();
    }

    // --- fixtures -------------------------------------------------------------------------------

    /** A request as the registration step makes it, already written to the embedded directory by the application. */
    record Issued(PatronDetails patron, String email, String password, PatronAccountRequested event) {
        String dn() {
            return "uid=" + patron.primaryIdentifier() + "," + PATRONS;
        }
    }

    static String letters(int length) {
        var hex = UUID.randomUUID().toString().replace("-", "");
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        }
        return text.toString();
    }

    static PatronDraft draft(String first, String last, String email) {
        return new PatronDraft(
                first,
                last,
                Gender.F,
                LocalDate.of(1985, 6, 15),
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
                        ContactDraft.address("Rue de la Cathédrale 12", "4000", "Liège", "BE")));
    }

    Issued issued(String first) {
        var last = "Annuaire-" + letters(8);
        var email = "ldap." + UUID.randomUUID().toString().substring(0, 12) + "@example.be";
        var patron = patrons.registerAtDesk(PatronKind.B, draft(first, last, email));
        return issue(patron, email);
    }

    /** Asks for the account (as the registration step does), and waits for the application's listener to write it. */
    Issued issue(PatronDetails patron, String email) {
        var expiration = LocalDate.now(clock).plusYears(1);
        var password = new TransactionTemplate(transactions)
                .execute(s -> accounts.issue(new PatronAccounts.Holder(
                        patron.id(),
                        patron.primaryIdentifier(),
                        patron.firstName(),
                        patron.lastName(),
                        email,
                        expiration)));
        assertThat(password.login()).isEqualTo(patron.primaryIdentifier());
        var requestId = jdbc.queryForObject(
                "select request_id from directory_account where patron_id = ?", String.class, patron.id());
        await(
                "the embedded directory's account of " + patron.primaryIdentifier(),
                () -> "DONE"
                        .equals(jdbc.queryForObject(
                                "select state from directory_account where patron_id = ?", String.class, patron.id())));
        var event = new PatronAccountRequested(
                requestId,
                patron.id(),
                patron.primaryIdentifier(),
                patron.firstName(),
                patron.lastName(),
                email,
                expiration,
                PatronPasswords.hash(password.password(), PatronPasswords.Scheme.SSHA));
        return new Issued(patron, email, password.password(), event);
    }

    /** The request is pending again, as it was before any directory answered. */
    void pendingAgain(long patronId) {
        jdbc.update(
                "update directory_account set state = 'PENDING', completed_at = null, attempts = 0, last_error = null "
                        + "where patron_id = ?",
                patronId);
    }

    /** Delivers the request as the event registry does: in a transaction of its own. */
    void deliver(PatronAccountWriter writer, PatronAccountRequested event) throws LDAPException {
        if (writer == onSlapd) {
            writtenToSlapd.add(event.uid());
        }
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                try {
                    writer.on(event);
                } catch (LDAPException e) {
                    throw new Rethrown(e);
                }
            });
        } catch (Rethrown e) {
            throw (LDAPException) e.getCause();
        }
    }

    /** Delivers a disabling as the event registry does: in a transaction of its own. */
    void deliver(PatronAccountWriter writer, PatronAccountDisableRequested event) throws LDAPException {
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                try {
                    writer.on(event);
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

    static void await(String what, BooleanSupplier done) {
        var end = System.nanoTime() + AFTER_COMMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Still not done after " + AFTER_COMMIT + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static LDAPConnection embedded() throws LDAPException {
        return Objects.requireNonNull(EmbeddedServers.running()).directory().getConnection();
    }

    static List<SearchResultEntry> patronsWithUid(LDAPInterface directory, String uid) throws LDAPException {
        return directory
                .search(PATRONS, SearchScope.SUB, Filter.createEqualityFilter("uid", uid), "*", "+")
                .getSearchEntries();
    }

    static void assertBinds(int port, String dn, String password) throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", port)) {
            assertThat(connection.bind(dn, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(dn, password + "x"))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode().intValue())
                                    .isEqualTo(ResultCode.INVALID_CREDENTIALS_INT_VALUE));
        }
    }

    static void assertRefused(int port, String dn, String password) {
        try (var connection = new LDAPConnection("127.0.0.1", port)) {
            assertThatThrownBy(() -> connection.bind(dn, password))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        } catch (LDAPException e) {
            throw new AssertionError(e);
        }
    }

    static String entryCsn(LDAPInterface directory, String dn) throws LDAPException {
        return directory.getEntry(dn, "entryCSN").getAttributeValue("entryCSN");
    }

    /** Every entry of the directory with its change sequence number: what changed, and what did not. */
    static Map<String, String> snapshot(LDAPInterface directory) throws LDAPException {
        var all = new HashMap<String, String>();
        for (var entry : directory
                .search(BASE, SearchScope.SUB, "(objectClass=*)", "entryCSN")
                .getSearchEntries()) {
            all.put(new DN(entry.getDN()).toNormalizedString(), entry.getAttributeValue("entryCSN"));
        }
        return all;
    }

    // --- tests ----------------------------------------------------------------------------------

    @Test
    void rInt1_theAccountOnOpenLdap_attributesGroupAndThePasswordShownOnce() throws Exception {
        var issued = issued("Zélie");
        var patron = issued.patron();
        var expiration = issued.event().expiration();

        // The embedded directory, written by the application's own listener after the commit.
        try (var embedded = embedded()) {
            var entry = embedded.getEntry(issued.dn());
            assertThat(entry).isNotNull();
            assertThat(entry.getAttributeValue("shadowExpire")).isEqualTo(String.valueOf(expiration.toEpochDay()));
            assertThat(embedded.getEntry(GROUP).getAttributeValues("member")).contains(issued.dn());
        }
        assertBinds(Objects.requireNonNull(EmbeddedServers.running()).directoryPort(), issued.dn(), issued.password());

        // The same request, on OpenLDAP.
        pendingAgain(patron.id());
        deliver(onSlapd, issued.event());

        try (var admin = slapd.connect()) {
            var found = patronsWithUid(admin, patron.primaryIdentifier());
            assertThat(found).hasSize(1);
            var entry = found.getFirst();
            assertThat(new DN(entry.getDN())).isEqualTo(new DN(issued.dn()));
            assertThat(entry.getObjectClassValues()).contains("inetOrgPerson", "shadowAccount");
            assertThat(entry.getAttributeValue("uid")).isEqualTo(patron.primaryIdentifier());
            assertThat(entry.getAttributeValue("cn")).isEqualTo("Zélie " + patron.lastName());
            assertThat(entry.getAttributeValue("sn")).isEqualTo(patron.lastName());
            assertThat(entry.getAttributeValue("givenName")).isEqualTo("Zélie");
            assertThat(entry.getAttributeValue("mail")).isEqualTo(issued.email());
            assertThat(entry.getAttributeValueAsLong("shadowExpire")).isEqualTo(expiration.toEpochDay());
            assertThat(entry.getAttributeValueAsLong("shadowLastChange"))
                    .isEqualTo(LocalDate.now(clock).toEpochDay());
            // Only the salted hash reached the directory.
            assertThat(admin.getEntry(issued.dn(), "userPassword").getAttributeValue("userPassword"))
                    .startsWith("{SSHA}")
                    .doesNotContain(issued.password());
            assertThat(admin.getEntry(GROUP).getAttributeValues("member")).contains(issued.dn());
        }
        // OpenLDAP checks the {SSHA} value: the password shown once binds, a wrong one gets result 49.
        assertBinds(slapd.port(), issued.dn(), issued.password());

        var row = row(patron.id());
        assertThat(row.get("state")).isEqualTo("DONE");
        assertThat(row.get("request_id")).isEqualTo(issued.event().requestId());
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("completed_at")).isNotNull();
        assertThat(accounts.status(patron.id()))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(PatronAccounts.State.DONE));
    }

    @Test
    void rDesk8_aNewPasswordToChangeAtNextLogin_isMarkedWhereTheDirectoryHasAPasswordPolicy() throws Exception {
        var issued = issued("Oona");
        var patron = issued.patron();
        var first = issued.event();
        var toChange = new PatronAccountRequested(
                first.requestId(),
                first.patronId(),
                first.uid(),
                first.givenName(),
                first.surname(),
                first.email(),
                first.expiration(),
                first.passwordHash(),
                true);
        assertThat(accounts.tellsMustChange())
                .as("the embedded directory has no password policy")
                .isFalse();

        pendingAgain(patron.id());
        deliver(onSlapd, toChange);
        try (var admin = slapd.connect()) {
            var entry = admin.getEntry(issued.dn(), "pwdReset");
            assertThat(entry.getAttributeValue("pwdReset")).isEqualTo("TRUE");
        }
        // The password still binds: the directory asks for the change, the desk's password works once more.
        assertBinds(slapd.port(), issued.dn(), issued.password());

        // A directory without a password policy is not told, and the account is written all the same.
        pendingAgain(patron.id());
        deliver(onEmbedded, toChange);
        try (var embedded = embedded()) {
            assertThat(embedded.getEntry(issued.dn(), "*", "+").hasAttribute("pwdReset"))
                    .isFalse();
        }
        assertThat(accounts.status(patron.id()).orElseThrow().state()).isEqualTo(PatronAccounts.State.DONE);
    }

    @Test
    void rInt1_disabledOnOpenLdap_noPasswordOutOfTheGroup_evenAsItsLastMember() throws Exception {
        var issued = issued("Désirée");
        var patron = issued.patron();
        pendingAgain(patron.id());
        deliver(onSlapd, issued.event());
        assertBinds(slapd.port(), issued.dn(), issued.password());
        try (var admin = slapd.connect()) {
            // The patron is the group's only member: groupOfNames refuses to become empty.
            admin.modify(GROUP, new Modification(ModificationType.REPLACE, "member", issued.dn()));
        }

        // Asked as the application asks it; the embedded directory is disabled by the application's listener.
        Boolean asked = new TransactionTemplate(transactions)
                .execute(s -> accounts.disable(patron.id(), patron.primaryIdentifier(), "deactivated"));
        assertThat(asked).isTrue();
        await(
                "the embedded directory's disabling",
                () -> accounts.status(patron.id())
                        .filter(a -> a.state() == PatronAccounts.State.DONE && !a.enabled())
                        .isPresent());
        try (var embedded = embedded()) {
            assertThat(embedded.getEntry(issued.dn()).hasAttribute("userPassword"))
                    .isFalse();
        }
        assertRefused(
                Objects.requireNonNull(EmbeddedServers.running()).directoryPort(), issued.dn(), issued.password());

        // The same disabling on OpenLDAP, delivered twice (a retry after a lost answer changes nothing).
        var requestId = jdbc.queryForObject(
                "select request_id from directory_account where patron_id = ?", String.class, patron.id());
        var disabling =
                new PatronAccountDisableRequested(requestId, patron.id(), patron.primaryIdentifier(), "deactivated");
        pendingAgain(patron.id());
        deliver(onSlapd, disabling);
        deliver(onSlapd, disabling);
        try (var admin = slapd.connect()) {
            var entry = admin.getEntry(issued.dn(), "*");
            assertThat(entry).as("the entry stays").isNotNull();
            assertThat(entry.hasAttribute("userPassword")).isFalse();
            assertThat(entry.getAttributeValue("shadowExpire")).isEqualTo("1");
            assertThat(admin.getEntry(GROUP).getAttributeValues("member")).containsExactly(GROUP);
        }
        assertRefused(slapd.port(), issued.dn(), issued.password());
        assertThat(row(patron.id()).get("state")).isEqualTo("DONE");

        // A disabling for a uid written again since (a new registration) is dropped: the new account stays.
        var again = issue(patron, issued.email());
        pendingAgain(patron.id());
        deliver(onSlapd, again.event());
        deliver(onSlapd, disabling);
        assertBinds(slapd.port(), issued.dn(), again.password());
    }

    @Test
    void rInt1_aRetriedRequestUpdatesTheOneEntry_neverASecond() throws Exception {
        var issued = issued("Iris");
        pendingAgain(issued.patron().id());
        deliver(onSlapd, issued.event());
        String before;
        try (var admin = slapd.connect()) {
            before = entryCsn(admin, issued.dn());
        }

        // The answer was lost, the registry delivers the request again.
        jdbc.update(
                "update directory_account set state = 'PENDING' where patron_id = ?",
                issued.patron().id());
        deliver(onSlapd, issued.event());
        // And again on the embedded directory, where the application wrote it first.
        jdbc.update(
                "update directory_account set state = 'PENDING' where patron_id = ?",
                issued.patron().id());
        deliver(onEmbedded, issued.event());

        try (var admin = slapd.connect()) {
            var found = patronsWithUid(admin, issued.patron().primaryIdentifier());
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().getAttributeValue("entryCSN"))
                    .as("updated")
                    .isNotEqualTo(before);
            assertThat(found.getFirst().getAttributeValue("sn"))
                    .isEqualTo(issued.patron().lastName());
            assertThat(found.getFirst().getAttributeValues("objectClass")).containsOnlyOnce("shadowAccount");
            assertThat(admin.getEntry(GROUP).getAttributeValues("member")).containsOnlyOnce(issued.dn());
        }
        try (var embedded = embedded()) {
            assertThat(patronsWithUid(embedded, issued.patron().primaryIdentifier()))
                    .hasSize(1);
            assertThat(embedded.getEntry(GROUP).getAttributeValues("member")).containsOnlyOnce(issued.dn());
        }
        assertBinds(slapd.port(), issued.dn(), issued.password());
        assertBinds(Objects.requireNonNull(EmbeddedServers.running()).directoryPort(), issued.dn(), issued.password());
        var row = row(issued.patron().id());
        assertThat(row.get("state")).isEqualTo("DONE");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat(row.get("last_error")).isNull();
    }

    @Test
    void rInt1_anAccountMadeBeforeWithoutShadowAccount_isCompletedNotDuplicated() throws Exception {
        var issued = issued("Maud");
        // An entry made by hand before (or by an older tool): inetOrgPerson only, another password.
        try (var admin = slapd.connect()) {
            admin.add(new Entry(
                    issued.dn(),
                    new Attribute("objectClass", "top", "inetOrgPerson"),
                    new Attribute("uid", issued.patron().primaryIdentifier()),
                    new Attribute("cn", "Old Name"),
                    new Attribute("sn", "Old"),
                    new Attribute("mail", "old@example.be"),
                    new Attribute(
                            "userPassword", PatronPasswords.hash("Old-password-1", PatronPasswords.Scheme.SSHA))));
            writtenToSlapd.add(issued.patron().primaryIdentifier());
        }
        pendingAgain(issued.patron().id());
        deliver(onSlapd, issued.event());

        try (var admin = slapd.connect()) {
            var found = patronsWithUid(admin, issued.patron().primaryIdentifier());
            assertThat(found).hasSize(1);
            var entry = found.getFirst();
            assertThat(entry.getObjectClassValues()).contains("inetOrgPerson", "shadowAccount");
            assertThat(entry.getAttributeValue("cn"))
                    .isEqualTo("Maud " + issued.patron().lastName());
            assertThat(entry.getAttributeValue("mail")).isEqualTo(issued.email());
            assertThat(entry.getAttributeValueAsLong("shadowExpire"))
                    .isEqualTo(issued.event().expiration().toEpochDay());
        }
        assertBinds(slapd.port(), issued.dn(), issued.password());
        assertRefused(slapd.port(), issued.dn(), "Old-password-1");
        assertThat(row(issued.patron().id()).get("state")).isEqualTo("DONE");
    }

    @Test
    void rInt1_aNewerRequestSupersedesAnOlderOne_theOlderRetriedLateIsDropped() throws Exception {
        var first = issued("Nora");
        pendingAgain(first.patron().id());
        deliver(onSlapd, first.event());

        // The step is run again (a new password): a new request, while the first one could still be retried.
        var second = issue(first.patron(), first.email());
        assertThat(second.event().requestId()).isNotEqualTo(first.event().requestId());
        assertThat(second.password()).isNotEqualTo(first.password());
        pendingAgain(first.patron().id());
        String csn;
        try (var admin = slapd.connect()) {
            csn = entryCsn(admin, first.dn());
        }

        // The old request arrives while the new one waits: dropped, nothing written, nothing noted.
        deliver(onSlapd, first.event());
        try (var admin = slapd.connect()) {
            assertThat(entryCsn(admin, first.dn())).isEqualTo(csn);
        }
        var row = row(first.patron().id());
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(row.get("request_id")).isEqualTo(second.event().requestId());
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertBinds(slapd.port(), first.dn(), first.password());

        // The new one is written; the old one, retried once more afterwards, never brings the old password back.
        deliver(onSlapd, second.event());
        deliver(onSlapd, first.event());
        jdbc.update(
                "update directory_account set state = 'PENDING' where patron_id = ?",
                first.patron().id());
        deliver(onSlapd, first.event());
        assertBinds(slapd.port(), first.dn(), second.password());
        assertRefused(slapd.port(), first.dn(), first.password());
        assertThat(row(first.patron().id()).get("request_id"))
                .isEqualTo(second.event().requestId());
        // The embedded directory, written by the application for both requests, has the new password too.
        var embeddedPort = Objects.requireNonNull(EmbeddedServers.running()).directoryPort();
        assertBinds(embeddedPort, first.dn(), second.password());
        assertRefused(embeddedPort, first.dn(), first.password());
    }

    @Test
    void namesTheRulesRefuseNeverReachTheDirectory_andHostileValuesAreStoredAsValuesOnly() throws Exception {
        // Through the application, such names are refused before any record exists.
        for (var hostile : List.of("*)(uid=*", "admin)(|(objectClass=*", "\\,=+<>#;\"")) {
            assertThatThrownBy(() -> patrons.registerAtDesk(
                            PatronKind.B, draft(hostile, hostile, "hostile." + letters(8) + "@example.be")))
                    .isInstanceOfSatisfying(
                            PatronRuleException.class,
                            e -> assertThat(e.violations())
                                    .extracting(Violation::field)
                                    .contains("firstName", "lastName"));
        }

        // Should a request carry them anyway, they are attribute values, never part of a filter or a DN.
        var first = issued("Ève");
        var second = issued("Luc");
        var hostileOne = new PatronAccountRequested(
                first.event().requestId(),
                first.patron().id(),
                first.event().uid(),
                "*)(uid=*",
                "\\,=+<>#;\"",
                first.email(),
                first.event().expiration(),
                first.event().passwordHash());
        var hostileTwo = new PatronAccountRequested(
                second.event().requestId(),
                second.patron().id(),
                second.event().uid(),
                "admin)(|(objectClass=*",
                "*",
                null,
                second.event().expiration(),
                second.event().passwordHash());
        Map<String, String> before;
        try (var admin = slapd.connect()) {
            before = snapshot(admin);
        }
        for (var event : List.of(hostileOne, hostileTwo)) {
            pendingAgain(event.patronId());
            deliver(onSlapd, event);
            pendingAgain(event.patronId());
            deliver(onEmbedded, event);
        }

        for (var port : List.of(
                slapd.port(), Objects.requireNonNull(EmbeddedServers.running()).directoryPort())) {
            try (LDAPConnection directory = port == slapd.port() ? slapd.connect() : embedded()) {
                var one = directory.getEntry(first.dn());
                assertThat(one.getAttributeValue("givenName")).isEqualTo("*)(uid=*");
                assertThat(one.getAttributeValue("sn")).isEqualTo("\\,=+<>#;\"");
                assertThat(one.getAttributeValue("cn")).isEqualTo("*)(uid=*" + " " + "\\,=+<>#;\"");
                assertThat(one.getAttributeValue("mail")).isEqualTo(first.email());
                var two = directory.getEntry(second.dn());
                assertThat(two.getAttributeValue("givenName")).isEqualTo("admin)(|(objectClass=*");
                assertThat(two.getAttributeValue("sn")).isEqualTo("*");
                assertThat(two.getAttributeValue("cn")).isEqualTo("admin)(|(objectClass=* *");
                assertThat(two.getAttributeValue("mail"))
                        .as("no e-mail: none in the directory either")
                        .isNull();
                // The values match only themselves: searched for as values, each finds its own entry alone.
                assertThat(directory
                                .search(PATRONS, SearchScope.ONE, Filter.createEqualityFilter("sn", "\\,=+<>#;\""))
                                .getSearchEntries())
                        .extracting(SearchResultEntry::getDN)
                        .containsExactly(one.getDN());
                assertThat(directory
                                .search(
                                        PATRONS,
                                        SearchScope.ONE,
                                        Filter.createEqualityFilter("givenName", "admin)(|(objectClass=*"))
                                .getSearchEntries())
                        .extracting(SearchResultEntry::getDN)
                        .containsExactly(two.getDN());
                assertBinds(port, first.dn(), first.password());
                assertBinds(port, second.dn(), second.password());
            }
        }

        try (var admin = slapd.connect()) {
            // Under ou=patrons, only the accounts this class wrote.
            var uids = admin.search(PATRONS, SearchScope.SUB, "(uid=*)", "uid").getSearchEntries().stream()
                    .map(e -> e.getAttributeValue("uid"))
                    .collect(Collectors.toSet());
            assertThat(uids)
                    .contains(
                            first.patron().primaryIdentifier(), second.patron().primaryIdentifier())
                    .isSubsetOf(writtenToSlapd);
            // No other entry changed: the two accounts were added, the group got its two members, nothing else moved.
            var after = snapshot(admin);
            var firstDn = new DN(first.dn()).toNormalizedString();
            var secondDn = new DN(second.dn()).toNormalizedString();
            var groupDn = new DN(GROUP).toNormalizedString();
            assertThat(after.keySet()).containsAll(before.keySet()).contains(firstDn, secondDn);
            assertThat(after.keySet()).hasSize(before.size() + 2);
            for (var dn : before.keySet()) {
                if (!dn.equals(groupDn)) {
                    assertThat(after.get(dn)).as(dn).isEqualTo(before.get(dn));
                }
            }
            assertThat(admin.getEntry(GROUP).getAttributeValues("member")).contains(first.dn(), second.dn());
            assertThat(admin.getEntry(GROUP).getAttributeValues("member"))
                    .doesNotContain(new DN(new RDN("uid", "*"), new DN(PATRONS)).toString());
        }
    }
}
