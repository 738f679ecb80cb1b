package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-DESK-7: the renewal of a registration, its own action, not the first registration again. A B
 * patron's: the identity document seen again, the expiration one year from today and the purge
 * date after it (R-REC-3, R-REC-4), the professional yearly fee paid for the professional groups
 * and nothing for private use (R-FEE-1; never the card's, valid for life, R-CARD-3a), a new
 * password set in the directory (an account disabled at expiry is enabled again) and shown once,
 * and the renewal mail after the commit. When the fee is not paid, the renewal stops and nothing
 * changes. A BX patron's (a manager's): the expiration date only.
 */
@Service
public class Renewals {

    private final PatronService patrons;
    private final PatronLookup lookup;
    private final IdentityChecks identityChecks;
    private final PatronHistory history;
    private final PatronAccounts accounts;
    private final Fees fees;
    private final RegistrationRepository registrations;
    private final PatronSettings settings;
    private final ApplicationEventPublisher events;
    private final CurrentStaff staff;
    private final Clock clock;
    private final int reminderDays;

    Renewals(
            PatronService patrons,
            PatronLookup lookup,
            IdentityChecks identityChecks,
            PatronHistory history,
            PatronAccounts accounts,
            Fees fees,
            RegistrationRepository registrations,
            PatronSettings settings,
            ApplicationEventPublisher events,
            CurrentStaff staff,
            Clock clock,
            @Value("${registration.renewal.reminder-days:30}") int reminderDays) {
        this.reminderDays = reminderDays;
        this.patrons = patrons;
        this.lookup = lookup;
        this.identityChecks = identityChecks;
        this.history = history;
        this.accounts = accounts;
        this.fees = fees;
        this.registrations = registrations;
        this.settings = settings;
        this.events = events;
        this.staff = staff;
        this.clock = clock;
    }

    /** What a renewal gave: the record renewed, the new password to show once, the renewal. */
    public record Renewed(PatronDetails patron, PatronAccounts.IssuedPassword account, long registrationId) {}

    /**
     * Whether the patron's next registration step is a renewal: a B patron registered here before
     * whose registration is no longer in force (the registration screen then offers the renewal,
     * never the first registration again with its card fee).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public boolean isRenewal(PatronDetails patron) {
        return patron.kind() == PatronKind.B
                && registrations.lastRegisteredAt(patron.id()).isPresent();
    }

    /**
     * Renews a B patron's registration at the desk.
     *
     * @param expectedVersion the version of the record the operator reviewed (its contact items too)
     * @throws FeesDueException when the professional yearly fee is open or was never charged
     * @throws PatronRuleException when the patron is not a B patron registered here before, or a
     *     required field of the record is missing (each named)
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public Renewed renew(long patronId, long expectedVersion, IdentityDocument seen, String site) {
        if (settings.sites().stream().noneMatch(s -> s.code().equals(site))) {
            throw new IllegalArgumentException("Unknown site " + site);
        }
        var before = lockedAt(patronId, expectedVersion);
        if (before.kind() == PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "renewal.bx-manager"));
        }
        if (!before.kind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "renewal.university"));
        }
        if (registrations.lastRegisteredAt(patronId).isEmpty()) {
            throw new PatronRuleException(Violation.of("registration", "renewal.never-registered"));
        }
        identityChecks.recordIdentityCheck(patronId, seen);
        var patron = patrons.activate(patronId, expectedVersion);
        var registrationId = registrations
                .save(new Registration(
                        Registration.Kind.RENEWAL,
                        patronId,
                        patron.primaryIdentifier(),
                        staff.uid(),
                        clock.instant(),
                        site,
                        patron.expirationDate()))
                .getId();
        fees.useForRenewal(patronId, registrationId);
        var account = accounts.issue(AccountHolders.of(patron));
        history.recordStep(
                patron.patronId(),
                "renewal",
                "site " + site + ", expires " + patron.expirationDate() + ", new password and renewal mail asked for");
        events.publishEvent(new PatronRegistered(registrationId, patronId));
        return new Renewed(patron, account, registrationId);
    }

    /** How many days before the expiry a patron is reminded, and may renew early at the desk. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public int reminderDays() {
        return reminderDays;
    }

    /** Whether the staff member may extend a BX patron: a desk manager (R-DESK-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean mayExtendBx() {
        return staff.hasRole(Roles.DESK_MANAGER);
    }

    /**
     * A desk manager extends a BX patron's registration (R-DESK-7, R-CNV-4): the expiration one
     * year from today, the purge date after it; no directory, no password, no fee.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public PatronDetails extendBx(long patronId, long expectedVersion) {
        var before = lockedAt(patronId, expectedVersion);
        if (before.kind() != PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "renewal.bx-only"));
        }
        var patron = patrons.activate(patronId, expectedVersion);
        history.recordStep(patron.patronId(), "renewal", "BX extended, expires " + patron.expirationDate());
        return patron;
    }

    private PatronDetails lockedAt(long patronId, long expectedVersion) {
        lookup.lockForChange(PatronId.of(patronId));
        var patron = patrons.details(patronId);
        if (patron.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(PatronDetails.class, patronId);
        }
        return patron;
    }
}
