package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-8 on the real embedded servers: after the identity check, a new password is set in the
 * directory and shown once; the old one stops working; no fee, no new expiration, no new
 * registration; the history says so without the password. Refused where there is no login of the
 * library's to change.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class NewPasswordsIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    @Autowired
    NewPasswords passwords;

    @Autowired
    RegistrationStep step;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory history;

    @Autowired
    IdentityChecks identityChecks;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    private static PatronDraft draft(String first, String last, String group, String category, String description) {
        var mail = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.be";
        return new PatronDraft(
                first,
                last,
                Gender.F,
                LocalDate.of(1986, 9, 23),
                Language.FRE,
                group,
                category,
                description,
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(mail, ContactUsage.PERSONAL),
                        ContactDraft.phone("0486 55 44 33", ContactUsage.MOBILE),
                        ContactDraft.address("Boulevard d’Avroy 120", "4000", "Liège", "BE")));
    }

    private static String dn(String identifier) {
        return "uid=" + identifier + ",ou=patrons,dc=uliege,dc=be";
    }

    private void awaitAccountWritten(long patronId) {
        await(
                "the directory account",
                AFTER_COMMIT,
                () -> step.progress(patronId).account() != null
                        && step.progress(patronId).account().state() == PatronAccounts.State.DONE);
    }

    @Test
    @DisplayName(
            "R-DESK-8: a new password binds, the old one no longer does; no fee, same expiration, no password in the history")
    void rDesk8_aNewPasswordReplacesTheOld_withNoFeeAndTheSameExpiration() throws Exception {
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Ngozi", "Okafor-Mot-de-passe");
        var registered = step.register(id, patrons.details(id).version(), "ALP");
        awaitAccountWritten(id);
        var identifier = registered.patron().primaryIdentifier();
        var old = registered.account().password();
        assertThat(DeskFixtures.binds(identifier, old)).isTrue();
        var before = patrons.details(id);
        long feesBefore = jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id);
        long checksBefore = identityChecks.identityChecks(id).size();

        var issued = passwords.issue(id, before.version(), IdentityDocument.PASSPORT, false);
        assertThat(issued.login()).isEqualTo(identifier);
        assertThat(issued.password()).hasSize(12).isNotEqualTo(old);
        awaitAccountWritten(id);
        assertThat(DeskFixtures.binds(identifier, issued.password())).isTrue();
        assertThat(DeskFixtures.binds(identifier, old)).as("the old password").isFalse();

        var after = patrons.details(id);
        assertThat(after.expirationDate()).isEqualTo(before.expirationDate());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id))
                .as("no fee")
                .isEqualTo(feesBefore);
        assertThat(jdbc.queryForObject("select count(*) from registration where patron_id = ?", Long.class, id))
                .as("no new registration, so no welcome mail")
                .isEqualTo(1);
        assertThat(identityChecks.identityChecks(id)).hasSize((int) checksBefore + 1);
        assertThat(identityChecks.identityChecks(id).getFirst().document()).isEqualTo(IdentityDocument.PASSPORT);
        var lines = history.lines(id);
        assertThat(lines).extracting(HistoryLine::field).contains("password");
        assertThat(lines).noneMatch(l -> Objects.toString(l.newValue(), "").contains(issued.password()));
    }

    @Test
    @DisplayName("R-DESK-8: refused without a login of the library's, out of force, or on a record changed meanwhile")
    void rDesk8_refusedWhereThereIsNoLoginToChange() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        // A walk-in never registered: inactive, no account.
        var walkIn =
                patrons.registerAtDesk(PatronKind.B, draft("Aziz", "Sans-Compte-" + tag, "Extérieur", "Aucun", null));
        assertThatThrownBy(
                        () -> passwords.issue(walkIn.id(), walkIn.version(), IdentityDocument.BELGIAN_ID_CARD, false))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("password.not-in-force"));

        // A BX patron has no directory account at all.
        var bx = patrons.registerAtDesk(
                PatronKind.BX, draft("Maître", "Avocate-" + tag, "Usager BX - PIB", "Aucun", "Cabinet d’avocats"));
        assertThatThrownBy(() -> passwords.issue(bx.id(), bx.version(), IdentityDocument.BELGIAN_ID_CARD, false))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("password.bx-no-login"));

        // Registered, then expired: renew first.
        var id = DeskFixtures.readyForRegistration(
                registrations, jdbc, validation, patrons, fees, "Oksana", "Expirée-" + tag);
        step.register(id, patrons.details(id).version(), "BSA");
        awaitAccountWritten(id);
        var current = patrons.details(id);
        assertThatThrownBy(() -> passwords.issue(id, current.version() - 1, IdentityDocument.BELGIAN_ID_CARD, false))
                .as("a record changed since it was read")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        jdbc.update(
                "update patron set expiration_date = ? where id = ?",
                LibraryDay.today().minusDays(1),
                id);
        assertThatThrownBy(() -> passwords.issue(id, current.version(), IdentityDocument.BELGIAN_ID_CARD, false))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("password.not-in-force"));
        assertThat(history.lines(id)).extracting(HistoryLine::field).doesNotContain("password");
    }
}
