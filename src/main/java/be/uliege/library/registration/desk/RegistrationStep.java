package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration step (R-DESK-4), the documents' "plugin", in one transaction: the identity
 * document checked for this registration (R-DESK-3), the fees paid or waived (R-DESK-6), every
 * required field present (each missing one named), expiration one year ahead and purge date after
 * it, status Active, the directory account asked for with a new password, the welcome mail asked
 * for. The directory and the mail server are reached after the commit, from the event publication
 * registry: if either is down, the patron is active, the step shows as pending, and it completes
 * by itself, once. BX patrons never go through this step (R-CNV-4).
 *
 * <p>Run again while the registration is in force (after a new identity check), it gives a new
 * password and sends the welcome mail again, but charges no fee and keeps the expiration date:
 * the registration was paid for once (R-FEE-1).
 */
@Service
public class RegistrationStep {

    private final PatronService patrons;
    private final CurrentStaff staff;
    private final PatronHistory history;
    private final IdentityChecks identityChecks;
    private final PatronAccounts accounts;
    private final Fees fees;
    private final PatronSettings settings;
    private final JdbcTemplate jdbc;
    private final RegistrationRepository registrations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationStep(
            PatronService patrons,
            PatronHistory history,
            IdentityChecks identityChecks,
            PatronAccounts accounts,
            Fees fees,
            PatronSettings settings,
            JdbcTemplate jdbc,
            RegistrationRepository registrations,
            ApplicationEventPublisher events,
            Clock clock,
            CurrentStaff staff) {
        this.staff = staff;
        this.patrons = patrons;
        this.history = history;
        this.identityChecks = identityChecks;
        this.accounts = accounts;
        this.fees = fees;
        this.settings = settings;
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
    }

    /** What the operator shows the patron once, and prints: the login and the new password. */
    public record Outcome(PatronDetails patron, PatronAccounts.IssuedPassword account, long registrationId) {}

    /**
     * Runs the step for a patron the operator was looking at in {@code expectedVersion}; refused,
     * with the reason, when a requirement is not met or someone changed the record meanwhile.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public Outcome register(long patronId, long expectedVersion, String site) {
        if (settings.sites().stream().noneMatch(s -> s.code().equals(site))) {
            throw new IllegalArgumentException("Unknown site " + site);
        }
        var before = patrons.details(patronId);
        if (before.version() != expectedVersion) {
            // Someone changed the record (or ran this step) since the operator read it: say so first.
            throw new ObjectOptimisticLockingFailureException(PatronDetails.class, patronId);
        }
        if (before.kind() == PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "registration.bx-never"));
        }
        if (before.kind().isUniversity()) {
            // The university's people log in with the university's account (issue 16).
            throw new PatronRuleException(Violation.of("kind", "registration.university-never"));
        }
        if (!identityCheckedForThisRegistration(patronId)) {
            throw new PatronRuleException(Violation.of("identityCheck", "registration.identity-not-checked"));
        }
        // In force and paid for: run again for a new password, with no fee and the same expiration.
        var again = !fees.paidRegistration(patronId).isEmpty();
        var patron =
                again ? patrons.confirmActive(patronId, expectedVersion) : patrons.activate(patronId, expectedVersion);
        var registrationId = insertRegistration(patron, site);
        if (!again) {
            fees.useForRegistration(patronId, registrationId);
        }
        var account = accounts.issue(AccountHolders.of(patron));
        history.recordStep(
                PatronId.of(patronId),
                "registration",
                (again ? "run again (in force, no fee), " : "") + "site " + site + ", expires "
                        + patron.expirationDate() + ", directory account and welcome mail asked for");
        events.publishEvent(new PatronRegistered(registrationId, patronId));
        return new Outcome(patron, account, registrationId);
    }

    /**
     * Where the steps outside the database stand, for staff (R-DESK-4: the pending step is visible).
     * {@code welcomeMailFailures} counts the tries of a welcome mail still pending that the mail
     * server refused (0 while it is only queued); it is retried by itself.
     */
    public record Progress(
            PatronAccounts.@Nullable Status account,
            @Nullable String welcomeMail,
            @Nullable Instant welcomeMailAt,
            @Nullable Instant registeredAt,
            @Nullable String registeredBy,
            int welcomeMailFailures) {

        public boolean isComplete() {
            return account != null && account.state() == PatronAccounts.State.DONE && "SENT".equals(welcomeMail);
        }
    }

    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Progress progress(long patronId) {
        var account = accounts.status(patronId).orElse(null);
        return registrations
                .findFirstByPatronIdOrderByRegisteredAtDescIdDesc(patronId)
                .map(r -> new Progress(
                        account,
                        r.getWelcomeMail().name(),
                        r.getWelcomeMailAt(),
                        r.getRegisteredAt(),
                        r.getRegisteredBy(),
                        r.welcomeMailPending() ? welcomeMailFailures(r.getId()) : 0))
                .orElse(new Progress(account, null, null, null, null, 0));
    }

    /**
     * The failed tries of a registration's welcome mail, from the event publication registry: the
     * first try, then each resubmission (counted when it starts) that has not completed.
     */
    private int welcomeMailFailures(long registrationId) {
        return jdbc
                .query(
                        "select STATUS, COMPLETION_ATTEMPTS from EVENT_PUBLICATION where EVENT_TYPE = ? "
                                + "and LISTENER_ID like ? and COMPLETION_DATE is null and SERIALIZED_EVENT like ?",
                        (row, n) -> row.getInt(2) + ("FAILED".equals(row.getString(1)) ? 1 : 0),
                        PatronRegistered.class.getName(),
                        RegistrationMails.class.getName() + "%",
                        "%\"registrationId\":" + registrationId + ",%")
                .stream()
                .findFirst()
                .orElse(0);
    }

    /**
     * A registration done and in force (R-DESK-4, R-FEE-1): the latest step — when, by whom, at
     * which site, until when — the identity document checked for it, and the settled fees that
     * paid for it (with their receipt).
     */
    public record Done(
            long registrationId,
            Instant registeredAt,
            String registeredBy,
            String site,
            LocalDate expirationDate,
            IdentityChecks.@Nullable IdentityCheck identityCheck,
            List<FeeLine> fees) {}

    /**
     * The patron's registration as the database holds it, when it is done and in force (see
     * {@link Fees#paidRegistration}); empty while it is in progress, or when the next one is due.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<Done> done(long patronId) {
        var paid = fees.paidRegistration(patronId);
        if (paid.isEmpty()) {
            return Optional.empty();
        }
        return registrations
                .findFirstByPatronIdOrderByRegisteredAtDescIdDesc(patronId)
                .map(r -> {
                    var at = r.getRegisteredAt();
                    var check = identityChecks.identityChecks(patronId).stream()
                            .filter(c -> !c.checkedAt().isAfter(at))
                            .findFirst()
                            .orElse(null);
                    return new Done(
                            r.getId(), at, r.getRegisteredBy(), r.getSite(), r.getExpirationDate(), check, paid);
                });
    }

    /** Whether an identity document was checked since the patron's last registration step (or ever, for a first). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public boolean identityCheckedForThisRegistration(long patronId) {
        var lastCheck = identityChecks.identityChecks(patronId).stream()
                .findFirst()
                .map(IdentityChecks.IdentityCheck::checkedAt);
        if (lastCheck.isEmpty()) {
            return false;
        }
        Optional<Instant> lastRegistration = registrations.lastRegisteredAt(patronId);
        return lastRegistration.isEmpty() || lastCheck.get().isAfter(lastRegistration.get());
    }

    private long insertRegistration(PatronDetails patron, String site) {
        var by = staff.uid();
        return registrations
                .save(new Registration(
                        patron.id(), patron.primaryIdentifier(), by, clock.instant(), site, patron.expirationDate()))
                .getId();
    }
}
