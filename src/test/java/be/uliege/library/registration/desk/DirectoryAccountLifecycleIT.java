package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.as;
import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.confirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.LoadOutcome;
import be.uliege.library.registration.patron.LoadedPerson;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.UniversityPeople;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-INT-1 on the embedded servers: a patron's directory account is disabled when a desk manager
 * deactivates the patron, when its identifier changes, and when its expiration day has passed —
 * no bind succeeds any more, the entry is out of the patrons' group — and a new registration
 * enables it again with a new password.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class DirectoryAccountLifecycleIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);
    static final String GROUP = "cn=library-patrons,ou=groups,dc=uliege,dc=be";

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
    IdentityChecks identityChecks;

    @Autowired
    PatronHistory patronHistory;

    @Autowired
    PatronAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    static InMemoryDirectoryServer directory() {
        return Objects.requireNonNull(EmbeddedServers.running()).directory();
    }

    record Registered(long patronId, String uid, String password) {
        String dn() {
            return "uid=" + uid + ",ou=patrons,dc=uliege,dc=be";
        }
    }

    /** A pre-registration validated, paid and registered; waits for its directory account. */
    Registered registered(String lastName) {
        var entry = confirmed(registrations, jdbc, "Inès", lastName, Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        return registerAgain(entry.patronId(), validated.version());
    }

    Registered registerAgain(long patronId, long version) {
        var due = fees.chargeRegistration(patronId).stream().map(FeeLine::id).toList();
        if (!due.isEmpty()) {
            fees.payCash(due, "ALP");
        }
        var outcome = step.register(patronId, version, "ALP");
        await(
                "the directory account",
                AFTER_COMMIT,
                () -> accounts.status(patronId)
                        .filter(s -> s.state() == PatronAccounts.State.DONE && s.enabled())
                        .isPresent());
        return new Registered(
                patronId, outcome.account().login(), outcome.account().password());
    }

    void awaitDisabled(long patronId) {
        await(
                "the account disabled",
                AFTER_COMMIT,
                () -> accounts.status(patronId)
                        .filter(s -> s.state() == PatronAccounts.State.DONE && !s.enabled())
                        .isPresent());
    }

    static void assertBinds(Registered r) throws LDAPException {
        try (var connection = directory().getConnection()) {
            assertThat(connection.bind(r.dn(), r.password()).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
        assertThat(directory().getEntry(GROUP).getAttributeValues("member")).contains(r.dn());
    }

    static void assertDisabled(Registered r) throws LDAPException {
        var entry = directory().getEntry(r.dn());
        assertThat(entry).as("the entry stays, disabled").isNotNull();
        assertThat(entry.hasAttribute("userPassword")).isFalse();
        assertThat(entry.getAttributeValue("shadowExpire")).isEqualTo("1");
        var members = directory().getEntry(GROUP).getAttributeValues("member");
        assertThat(members == null ? new String[0] : members).doesNotContain(r.dn());
        try (var connection = directory().getConnection()) {
            assertThatThrownBy(() -> connection.bind(r.dn(), r.password())).isInstanceOf(LDAPException.class);
        }
    }

    @Test
    void deactivatedByAManager_thenRegisteredAgain() throws Exception {
        var r = registered("Désactivée-Annuaire");
        assertBinds(r);
        var version = patrons.details(r.patronId()).version();

        assertThatThrownBy(() -> patrons.deactivate(r.patronId(), version, "Exclue par décision du comité"))
                .as("a desk manager's task")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> as("manager", () -> patrons.deactivate(r.patronId(), version, "  "), Roles.DESK_MANAGER))
                .isInstanceOf(PatronRuleException.class);
        var deactivated = as(
                "manager",
                () -> patrons.deactivate(r.patronId(), version, "Exclue par décision du comité"),
                Roles.DESK_MANAGER,
                Roles.DESK_OPERATOR);
        assertThat(deactivated.status()).isEqualTo(PatronStatus.INACTIVE);

        awaitDisabled(r.patronId());
        assertDisabled(r);
        await(
                "the disabling in the history",
                AFTER_COMMIT,
                () -> patronHistory.lines(r.patronId()).stream()
                        .anyMatch(h -> h.field().equals("directoryAccount")
                                && h.newValue() != null
                                && h.newValue().startsWith("disabled " + r.uid() + " (deactivated")));
        assertThat(patronHistory.lines(r.patronId()))
                .extracting(HistoryLine::newValue)
                .contains("Exclue par décision du comité");
        // Asking again changes nothing: the account is disabled already.
        assertThat(accounts.disable(r.patronId(), r.uid(), "deactivated")).isFalse();

        // A new registration: active again, a new password binds, back in the group.
        identityChecks.recordIdentityCheck(r.patronId(), IdentityDocument.PASSPORT);
        var again = registerAgain(r.patronId(), patrons.details(r.patronId()).version());
        assertThat(again.password()).isNotEqualTo(r.password());
        assertBinds(again);
    }

    @Test
    void theOldUidIsDisabledWhenTheIdentifierChanges() throws Exception {
        var r = registered("Renumérotée");
        assertBinds(r);
        var version = patrons.details(r.patronId()).version();
        var newIdentifier = "B8" + String.format("%05d", r.patronId() % 100_000);
        var changed = as(
                "admin",
                () -> patrons.changePrimaryIdentifier(r.patronId(), version, newIdentifier),
                Roles.USER_ADMINISTRATOR,
                Roles.DESK_OPERATOR);
        assertThat(changed.primaryIdentifier()).isNotEqualTo(r.uid());

        awaitDisabled(r.patronId());
        assertDisabled(r);
        assertThat(accounts.status(r.patronId()).orElseThrow().uid()).isEqualTo(r.uid());

        // Registered again under the new identifier: the new uid binds, the old stays disabled.
        identityChecks.recordIdentityCheck(r.patronId(), IdentityDocument.PASSPORT);
        var again = registerAgain(r.patronId(), patrons.details(r.patronId()).version());
        assertThat(again.uid()).isEqualTo(changed.primaryIdentifier());
        assertBinds(again);
        assertDisabled(r);
    }

    @Autowired
    UniversityPeople universityPeople;

    /**
     * R-CNV-3: a B patron of ours (a former student who kept their university key) is a student
     * again; the nightly load takes the record back under the student identifier, and the directory
     * account we gave them is disabled: they log in with the university's account now.
     */
    @Test
    void aPatronBackAtTheUniversityLosesTheAccountWeGaveThem() throws Exception {
        var r = registered("Revenue-Étudiante");
        assertBinds(r);
        var number = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        var key = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        jdbc.update(
                "insert into additional_identifier (patron_id, id_type, id_value) values (?, 'UNIVERSITY_KEY', ?)",
                r.patronId(),
                key);
        var student = "S" + number;
        var row = new LoadedPerson(
                1,
                student,
                key,
                new PatronDraft(
                        "Inès",
                        "Revenue-Étudiante",
                        Gender.F,
                        LocalDate.of(1999, 3, 14),
                        Language.FRE,
                        "Étudiant ULiège",
                        "Étudiant ULiège",
                        null,
                        null,
                        LibraryDay.today().plusYears(1),
                        key,
                        List.of(new ContactDraft(
                                ContactKind.EMAIL,
                                ContactUsage.WORK,
                                true,
                                student.toLowerCase() + "@student.uliege.be",
                                null,
                                null,
                                null))));
        var how = new LoadInstructions(
                LoadInstructions.Mode.SYNCHRONIZE,
                LoadInstructions.MatchPoint.UNIVERSITY_KEY,
                ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L),
                LibraryDay.today(),
                List.of(PatronKind.U, PatronKind.C, PatronKind.S),
                false);

        var outcome = SystemPrincipal.call(() -> universityPeople.apply(List.of(row), how));

        assertThat(outcome).extracting(LoadOutcome::result).containsExactly(LoadOutcome.Result.UPDATED);
        assertThat(patrons.details(r.patronId()).primaryIdentifier()).isEqualTo(student);
        awaitDisabled(r.patronId());
        assertDisabled(r);
    }

    @Test
    void accountsPastTheirExpirationAreDisabledByTheNightlyRun() throws Exception {
        var expired = registered("Expirée-Annuaire");
        var current = registered("Courante-Annuaire");
        jdbc.update(
                "update directory_account set expires_on = ? where patron_id = ?",
                Date.valueOf(LibraryDay.today().minusDays(1)),
                expired.patronId());
        jdbc.update(
                "update directory_account set expires_on = ? where patron_id = ?",
                Date.valueOf(LibraryDay.today()),
                current.patronId());

        assertThat(SystemPrincipal.call(accounts::disableExpired)).isGreaterThanOrEqualTo(1);

        awaitDisabled(expired.patronId());
        assertDisabled(expired);
        assertThat(accounts.status(current.patronId()).orElseThrow().enabled())
                .as("expires today: still valid")
                .isTrue();
        assertBinds(current);
    }
}
