package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.as;
import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.confirmed;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeSettledException;
import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.AlreadyDecidedException;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.preregistration.Use;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The desk's validation and registration step on the embedded MariaDB, directory and mail server
 * (R-DESK-3, R-DESK-4, R-DESK-6, R-FEE-1, R-FEE-2): from a confirmed pre-registration to an active
 * patron whose directory account binds with the password shown once, and whose welcome mail
 * arrived once.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class RegistrationStepIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

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
    IdentityChecks identityChecks;

    @Autowired
    DeskQueue queue;

    @Autowired
    JdbcTemplate jdbc;

    static InMemoryDirectoryServer directory() {
        return Objects.requireNonNull(EmbeddedServers.running()).directory();
    }

    @Test
    void rDesk4_fromTheQueueToAnActivePatron_withItsDirectoryAccountAndOneWelcomeMail() throws Exception {
        var entry = confirmed(registrations, jdbc, "Zoé", "Registered-Étape", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        assertThat(queue.open(entry.id(), false)).isNull();

        var validated = validation.validateAsNew(
                entry.id(), record.version(), record.draft(), IdentityDocument.BELGIAN_ID_CARD);
        assertThat(validated.status()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(queue.page(new DeskQueue.Filter(entry.identifier(), false, false, false), 0, 10))
                .isEmpty();
        // R-FEE-1: private use, the card: 5 €; asking again charges nothing more.
        var due = fees.registrationFees(entry.patronId());
        assertThat(due).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("Patron Registration Fee");
            assertThat(f.amount()).isEqualByComparingTo("5.00");
            assertThat(f.status()).isEqualTo(FeeStatus.OPEN);
        });
        assertThat(fees.chargeRegistration(entry.patronId()))
                .extracting(FeeLine::id)
                .containsExactly(due.getFirst().id());

        // R-DESK-6: nothing happens while the fee is open; the record stays inactive.
        assertThatThrownBy(() -> step.register(entry.patronId(), validated.version(), "ALP"))
                .isInstanceOf(FeesDueException.class)
                .satisfies(e -> assertThat(((FeesDueException) e).total()).isEqualByComparingTo("5.00"));
        assertThat(patrons.details(entry.patronId()).status()).isEqualTo(PatronStatus.INACTIVE);

        var receipt = fees.payCash(List.of(due.getFirst().id()), "ALP");
        assertThat(receipt).startsWith("ALP-");
        var outcome = step.register(entry.patronId(), validated.version(), "ALP");

        // The record: active, one year, purge four years after (R-REC-3, R-REC-4).
        assertThat(outcome.patron().status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(outcome.patron().expirationDate())
                .isEqualTo(LibraryDay.today().plusYears(1));
        assertThat(outcome.patron().purgeDate()).isEqualTo(LibraryDay.today().plusYears(5));
        assertThat(outcome.account().login()).isEqualTo(entry.identifier());
        assertThat(outcome.account().password()).hasSize(12).doesNotContainPattern("[0O1lI ]");
        assertThat(outcome.account().toString())
                .doesNotContain(outcome.account().password());

        // The directory account, after the commit: uid, expiration, group, and the shown password binds.
        var dn = "uid=" + entry.identifier() + ",ou=patrons,dc=uliege,dc=be";
        await(
                "the directory account",
                AFTER_COMMIT,
                () -> step.progress(entry.patronId()).account() != null
                        && step.progress(entry.patronId()).account().state() == PatronAccounts.State.DONE);
        var account = directory().getEntry(dn);
        assertThat(account.getAttributeValue("cn")).isEqualTo("Zoé Registered-Étape");
        assertThat(account.getAttributeValue("shadowExpire"))
                .isEqualTo(String.valueOf(LibraryDay.today().plusYears(1).toEpochDay()));
        assertThat(account.getAttributeValue("userPassword"))
                .startsWith("{SSHA}")
                .doesNotContain(outcome.account().password());
        assertThat(directory()
                        .getEntry("cn=library-patrons,ou=groups,dc=uliege,dc=be")
                        .getAttributeValues("member"))
                .contains(dn);
        try (var connection = directory().getConnection()) {
            assertThat(connection.bind(dn, outcome.account().password()).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(dn, outcome.account().password() + "x"))
                    .isInstanceOf(LDAPException.class);
        }

        // The welcome mail, in French, once; it never carries the password.
        await(
                "the welcome mail",
                AFTER_COMMIT,
                () -> "SENT".equals(step.progress(entry.patronId()).welcomeMail()));
        var mails = mailsTo(entry.email(), entry.identifier());
        assertThat(mails).filteredOn(m -> subject(m).startsWith("Bienvenue")).hasSize(1);
        var body = mails.stream()
                .filter(m -> subject(m).startsWith("Bienvenue"))
                .findFirst()
                .orElseThrow()
                .getContent()
                .toString();
        assertThat(body)
                .contains("Madame Registered-Étape")
                .contains(entry.identifier())
                .doesNotContain(outcome.account().password());
        assertThat(step.progress(entry.patronId()).isComplete()).isTrue();

        // Every step in the history (R-REC-6).
        await(
                "the directory step in the history",
                AFTER_COMMIT,
                () -> patronHistory.lines(entry.patronId()).stream()
                        .anyMatch(h -> h.field().equals("directoryAccount")));
        assertThat(patronHistory.lines(entry.patronId()))
                .extracting(HistoryLine::field)
                .contains(
                        "identityCheck",
                        "fee",
                        "status",
                        "expirationDate",
                        "registration",
                        "directoryAccount",
                        "welcomeMail");
        assertThat(patronHistory.lines(entry.patronId()))
                .extracting(HistoryLine::newValue)
                .noneMatch(v -> v != null && v.contains(outcome.account().password()));
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rDesk3_theStepNeedsTheIdentityDocument_andEveryRequiredField() {
        var walkIn = patrons.registerAtDesk(
                PatronKind.B,
                patrons.details(confirmed(registrations, jdbc, "Ana", "Sans-Pièce", Use.PRIVATE)
                                .patronId())
                        .draft());
        fees.chargeRegistration(walkIn.id());
        fees.payCash(
                fees.registrationFees(walkIn.id()).stream().map(FeeLine::id).toList(), "BSA");
        assertThatThrownBy(() -> step.register(walkIn.id(), walkIn.version(), "BSA"))
                .isInstanceOf(PatronRuleException.class)
                .satisfies(e -> assertThat(((PatronRuleException) e).violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("registration.identity-not-checked")));
        identityChecks.recordIdentityCheck(walkIn.id(), IdentityDocument.PASSPORT);
        assertThat(identityChecks.identityChecks(walkIn.id())).singleElement().satisfies(c -> {
            assertThat(c.document()).isEqualTo(IdentityDocument.PASSPORT);
            assertThat(c.checkedBy()).isEqualTo("operator");
        });
        // A required field that went missing (the job description of a category in capitals) is named.
        jdbc.update(
                "update patron set job_category = 'ECOLE SECONDAIRE', job_description = null where id = ?",
                walkIn.id());
        var current = patrons.details(walkIn.id());
        assertThatThrownBy(() -> step.register(walkIn.id(), current.version(), "BSA"))
                .isInstanceOf(PatronRuleException.class)
                .satisfies(e -> assertThat(((PatronRuleException) e).violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("jobDescription")));
        assertThat(patrons.details(walkIn.id()).status()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(step.progress(walkIn.id()).account()).isNull();
    }

    @Test
    void rFee1_professionalUseCosts50CardIncluded_onlyAManagerWaives_withAReason() {
        var entry = confirmed(registrations, jdbc, "Paul", "Avocat-Pro", Use.PROFESSIONAL);
        var record = patrons.details(entry.patronId());
        validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        var due = fees.registrationFees(entry.patronId());
        assertThat(due).singleElement().satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("50.00"));

        assertThatThrownBy(() -> fees.waive(due.getFirst().id(), "ALP", "Demandeur d’asile"))
                .isInstanceOf(AccessDeniedException.class);
        var waived = as(
                "manager",
                () -> fees.waive(due.getFirst().id(), "ALP", "Demandeur d’asile"),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
        assertThat(waived.status()).isEqualTo(FeeStatus.WAIVED);
        assertThat(waived.settledBy()).isEqualTo("manager");
        assertThat(waived.waiverReason()).isEqualTo("Demandeur d’asile");
        // Settled once: paying it afterwards is refused, with who settled it.
        assertThatThrownBy(() -> fees.payCash(List.of(due.getFirst().id()), "ALP"))
                .isInstanceOf(FeeSettledException.class)
                .satisfies(e -> assertThat(((FeeSettledException) e).by()).isEqualTo("manager"));
        var outcome = step.register(
                entry.patronId(), patrons.details(entry.patronId()).version(), "ALP");
        assertThat(outcome.patron().status()).isEqualTo(PatronStatus.ACTIVE);
        // The cash report counts the waiver apart, with no cash.
        var report = fees.cashReport(LibraryDay.today(), "ALP");
        assertThat(report).anySatisfy(line -> {
            assertThat(line.operator()).isEqualTo("manager");
            assertThat(line.status()).isEqualTo(FeeStatus.WAIVED);
            assertThat(line.total()).isEqualByComparingTo(BigDecimal.ZERO);
        });
    }

    @Test
    void rDesk3_twoOperatorsValidatingOneEntry_oneSucceeds_theOtherIsToldWho() throws Exception {
        var entry = confirmed(registrations, jdbc, "Léa", "Concurrente", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var start = new CountDownLatch(1);
        var results = List.of("operator", "colleague").stream()
                .map(uid -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return as(
                                uid,
                                () -> {
                                    try {
                                        validation.validateAsNew(
                                                entry.id(),
                                                record.version(),
                                                record.draft(),
                                                IdentityDocument.PASSPORT);
                                        return "validated";
                                    } catch (AlreadyDecidedException e) {
                                        return "told: " + e.by();
                                    } catch (ObjectOptimisticLockingFailureException e) {
                                        return "told: changed meanwhile";
                                    }
                                },
                                Roles.DESK_OPERATOR);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        start.countDown();
        var outcomes = results.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).containsOnlyOnce("validated");
        assertThat(outcomes).anySatisfy(o -> assertThat(o).startsWith("told: "));
        // One fee, one identity check: the loser's transaction left nothing behind.
        assertThat(fees.registrationFees(entry.patronId())).hasSize(1);
        assertThat(identityChecks.identityChecks(entry.patronId())).hasSize(1);
    }

    @Test
    void rDesk4_twoOperatorsRunningTheStepOnOneRecord_oneSucceeds_theOtherIsRefused() {
        var entry = confirmed(registrations, jdbc, "Eva", "Double-Clic", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "GRA");
        step.register(entry.patronId(), validated.version(), "GRA");
        assertThatThrownBy(() -> step.register(entry.patronId(), validated.version(), "GRA"))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from registration where patron_id = ?", Integer.class, entry.patronId()))
                .isEqualTo(1);
    }

    @Test
    void rFee1_theStepRunAgainWhileTheRegistrationIsInForce_givesANewPassword_andNeverChargesTheFeeTwice() {
        var entry = confirmed(registrations, jdbc, "Inès", "Deux-Fois", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        var receipt = fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "BSV");
        var first = step.register(entry.patronId(), validated.version(), "BSV");

        // The registration is in force and paid: asking for its fees again charges nothing.
        assertThat(fees.chargeRegistration(entry.patronId())).isEmpty();
        assertThat(fees.forPatron(entry.patronId()))
                .singleElement()
                .satisfies(f -> assertThat(f.receiptNumber()).isEqualTo(receipt));
        assertThat(fees.registrationFees(entry.patronId())).isEmpty();

        // Run again: only after a new identity check, then a new password, the same expiration, no fee.
        assertThatThrownBy(() -> step.register(entry.patronId(), first.patron().version(), "BSV"))
                .isInstanceOf(PatronRuleException.class)
                .satisfies(e -> assertThat(((PatronRuleException) e).violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("registration.identity-not-checked")));
        identityChecks.recordIdentityCheck(entry.patronId(), IdentityDocument.BELGIAN_ID_CARD);
        var again = step.register(entry.patronId(), first.patron().version(), "BSV");
        assertThat(again.account().password()).isNotEqualTo(first.account().password());
        assertThat(again.patron().status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(again.patron().expirationDate()).isEqualTo(first.patron().expirationDate());
        assertThat(fees.forPatron(entry.patronId()))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FeeStatus.PAID));
        assertThat(jdbc.queryForObject(
                        "select count(*) from registration where patron_id = ?", Integer.class, entry.patronId()))
                .isEqualTo(2);

        // What the screen shows after it, from the database: done, with the fee that paid for it, once.
        assertThat(step.done(entry.patronId())).hasValueSatisfying(done -> {
            assertThat(done.registrationId()).isEqualTo(again.registrationId());
            assertThat(done.registeredBy()).isEqualTo("operator");
            assertThat(done.expirationDate()).isEqualTo(first.patron().expirationDate());
            assertThat(done.identityCheck()).isNotNull();
            assertThat(done.identityCheck().document()).isEqualTo(IdentityDocument.BELGIAN_ID_CARD);
            assertThat(done.fees()).singleElement().satisfies(f -> {
                assertThat(f.receiptNumber()).isEqualTo(receipt);
                assertThat(f.amount()).isEqualByComparingTo("5.00");
            });
        });
        await(
                "the new password in the directory",
                AFTER_COMMIT,
                () -> step.progress(entry.patronId()).account() != null
                        && step.progress(entry.patronId()).account().state() == PatronAccounts.State.DONE);
    }

    @Test
    void rDesk6_aPatronNotRegisteredYet_orNoLongerInForce_isNotShownAsDone() {
        var entry = confirmed(registrations, jdbc, "Noé", "Pas-Encore", Use.PRIVATE);
        var record = patrons.details(entry.patronId());
        var validated =
                validation.validateAsNew(entry.id(), record.version(), record.draft(), IdentityDocument.PASSPORT);
        assertThat(step.done(entry.patronId())).isEmpty();
        fees.payCash(
                fees.registrationFees(entry.patronId()).stream()
                        .map(FeeLine::id)
                        .toList(),
                "GRA");
        step.register(entry.patronId(), validated.version(), "GRA");
        assertThat(step.done(entry.patronId())).isPresent();

        // A year later the registration has expired: a renewal charges the fee of its year again.
        jdbc.update(
                "update patron set expiration_date = ?, purge_date = ? where id = ?",
                LibraryDay.today().minusDays(1),
                LibraryDay.today().plusYears(4),
                entry.patronId());
        assertThat(step.done(entry.patronId())).isEmpty();
        assertThat(fees.chargeRegistration(entry.patronId()))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FeeStatus.OPEN));
        assertThat(fees.forPatron(entry.patronId())).hasSize(2);
    }

    @Test
    void rDesk3_aRejectedPreRegistrationIsToldWhy_thenDeleted() {
        var entry = confirmed(registrations, jdbc, "Rita", "Refusée", Use.PRIVATE);
        validation.reject(entry.id(), "La pièce d’identité présentée était expirée.");
        await(
                "the rejection mail",
                AFTER_COMMIT,
                () -> !mailsTo(entry.email(), entry.identifier()).stream()
                        .filter(m -> subject(m).contains("n’a pas pu être validée"))
                        .toList()
                        .isEmpty());
        await(
                "the record deleted",
                AFTER_COMMIT,
                () -> jdbc.queryForObject("select count(*) from patron where id = ?", Integer.class, entry.patronId())
                        == 0);
        assertThat(jdbc.queryForObject("select count(*) from pre_registration where id = ?", Integer.class, entry.id()))
                .isZero();
        assertThatThrownBy(() -> validation.reject(entry.id(), "again")).isInstanceOf(AlreadyDecidedException.class);
    }
}
