package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-7 on the real embedded servers: a renewal is its own action. An expired B patron whose
 * account was disabled gets a year from today, the account enabled with a new password, the
 * renewal mail (not the welcome mail), and for private use no fee at all; a professional patron
 * pays the yearly fee first, or nothing changes. A BX patron is extended by a manager only.
 */
@SpringBootTest
@WithMockUser(
        username = "manager",
        roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
class RenewalsIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    @Autowired
    Renewals renewals;

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
    PatronAccounts accounts;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    private void awaitAccount(long patronId, boolean enabled) {
        await("the directory account", AFTER_COMMIT, () -> DeskFixtures.accountIs(accounts, patronId, enabled));
    }

    /** Registered a year and a day ago: expired, and the nightly run disabled the account. */
    private void expire(long patronId) {
        jdbc.update(
                "update patron set expiration_date = ? where id = ?",
                Date.valueOf(LibraryDay.today().minusDays(1)),
                patronId);
        jdbc.update(
                "update directory_account set expires_on = ? where patron_id = ?",
                Date.valueOf(LibraryDay.today().minusDays(1)),
                patronId);
        SystemPrincipal.call(accounts::disableExpired);
        awaitAccount(patronId, false);
    }

    private long registered(DeskFixtures.Entry entry) {
        var record = patrons.details(entry.patronId());
        validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
        var charged = fees.chargeRegistration(entry.patronId());
        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        step.register(entry.patronId(), patrons.details(entry.patronId()).version(), "ALP");
        awaitAccount(entry.patronId(), true);
        return entry.patronId();
    }

    @Test
    @DisplayName(
            "R-DESK-7: an expired private B is renewed for a year from today, free, account enabled, renewal mail once")
    void rDesk7_anExpiredPrivatePatron_isRenewedFree_withANewPassword_andTheRenewalMail() throws Exception {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Aleksandra", "Kowalczyk-Renouvelée", Use.PRIVATE);
        var id = registered(entry);
        expire(id);
        long feesBefore = jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id);

        assertThat(fees.chargeRenewal(id)).as("nothing to pay for private use").isEmpty();
        var renewed = renewals.renew(id, patrons.details(id).version(), IdentityDocument.FOREIGN_ID_CARD, "BSV");

        var today = LibraryDay.today();
        assertThat(renewed.patron().expirationDate()).isEqualTo(today.plusYears(1));
        assertThat(renewed.patron().purgeDate()).isEqualTo(today.plusYears(5));
        assertThat(renewed.patron().status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, id))
                .as("no card fee, no fee at all")
                .isEqualTo(feesBefore);
        awaitAccount(id, true);
        assertThat(DeskFixtures.binds(entry.identifier(), renewed.account().password()))
                .isTrue();
        await(
                "the renewal mail",
                AFTER_COMMIT,
                () -> !mailsTo(entry.email(), "prolongée").isEmpty());
        assertThat(mailsTo(entry.email(), "prolongée")).hasSize(1);
        assertThat(mailsTo(entry.email(), "Bienvenue"))
                .as("the welcome mail, once, at the first registration")
                .hasSize(1);
        assertThat(mailsTo(entry.email(), "prolongée").getFirst().getContent().toString())
                .contains(entry.identifier())
                .doesNotContain(renewed.account().password());
        await(
                "the renewal mail in the history",
                AFTER_COMMIT,
                () -> history.lines(id).stream().anyMatch(l -> l.field().equals("renewalMail")));
        assertThat(history.lines(id)).extracting(HistoryLine::field).contains("renewal", "renewalMail");
        assertThat(history.lines(id))
                .noneMatch(l -> Objects.toString(l.newValue(), "")
                        .contains(renewed.account().password()));
    }

    @Test
    @DisplayName("R-DESK-7, R-FEE-1: a professional renewal costs the yearly fee; unpaid, nothing changes")
    void rDesk7_aProfessionalRenewalCostsTheYearlyFee_andStopsWhenItIsNotPaid() {
        var entry = DeskFixtures.confirmed(registrations, jdbc, "Jean-Baptiste", "Mbala-Cabinet", Use.PROFESSIONAL);
        var id = registered(entry);
        expire(id);
        var before = patrons.details(id);
        long steps = jdbc.queryForObject("select count(*) from registration where patron_id = ?", Long.class, id);

        assertThatThrownBy(() -> renewals.renew(id, before.version(), IdentityDocument.PASSPORT, "ALP"))
                .as("the yearly fee was never charged")
                .isInstanceOfSatisfying(
                        FeesDueException.class, e -> assertThat(e.total()).isZero());
        var charged = fees.chargeRenewal(id);
        assertThat(charged)
                .singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("50.00"));
        assertThat(fees.chargeRenewal(id))
                .as("asked again: the same fee")
                .extracting(FeeLine::id)
                .containsExactly(charged.getFirst().id());
        assertThatThrownBy(() -> renewals.renew(id, before.version(), IdentityDocument.PASSPORT, "ALP"))
                .isInstanceOfSatisfying(
                        FeesDueException.class,
                        e -> assertThat(e.total()).isEqualByComparingTo(new BigDecimal("50.00")));
        var unchanged = patrons.details(id);
        assertThat(unchanged.expirationDate()).isEqualTo(before.expirationDate());
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(jdbc.queryForObject("select count(*) from registration where patron_id = ?", Long.class, id))
                .isEqualTo(steps);

        fees.payCash(charged.stream().map(FeeLine::id).toList(), "ALP");
        var renewed = renewals.renew(id, before.version(), IdentityDocument.PASSPORT, "ALP");
        assertThat(renewed.patron().expirationDate())
                .isEqualTo(LibraryDay.today().plusYears(1));
        assertThat(jdbc.queryForObject(
                        "select registration_id from fee where id = ?",
                        Long.class,
                        charged.getFirst().id()))
                .isEqualTo(renewed.registrationId());
    }

    @Test
    @DisplayName("R-DESK-7, R-CNV-4: a BX patron is extended by a manager only, and only its date moves")
    void rDesk7_aBxPatronIsExtendedByAManagerOnly() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        var bx = patrons.registerAtDesk(
                PatronKind.BX,
                new PatronDraft(
                        "Henri",
                        "Notaire-" + tag,
                        Gender.M,
                        LocalDate.of(1968, 3, 14),
                        Language.FRE,
                        "Usager BX - PIB",
                        "Aucun",
                        "Étude notariale",
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("notaire." + tag + "@example.be", ContactUsage.WORK),
                                ContactDraft.phone("04 222 33 44", ContactUsage.WORK),
                                ContactDraft.address("Rue Louvrex 55", "4000", "Liège", "BE"))));
        assertThatThrownBy(() -> renewals.renew(bx.id(), bx.version(), IdentityDocument.PASSPORT, "ALP"))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("renewal.bx-manager"));
        assertThatThrownBy(() -> DeskFixtures.as(
                        "operator", () -> renewals.extendBx(bx.id(), bx.version()), Roles.DESK_OPERATOR))
                .isInstanceOf(AccessDeniedException.class);

        var extended = renewals.extendBx(bx.id(), bx.version());
        assertThat(extended.expirationDate()).isEqualTo(LibraryDay.today().plusYears(1));
        assertThat(extended.status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(accounts.status(bx.id())).as("no directory account").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from fee where patron_id = ?", Long.class, bx.id()))
                .isZero();
    }
}
