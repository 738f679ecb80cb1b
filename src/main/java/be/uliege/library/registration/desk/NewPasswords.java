package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-DESK-8: a patron who forgot the password gets a new one at the desk, after the identity check:
 * generated, set in the directory after the commit, shown once; optionally the directory is told
 * that it must be changed at the next login. No fee, no new expiration date, no welcome mail: the
 * registration in force is not touched. The history records it, never the password.
 */
@Service
public class NewPasswords {

    private final PatronService patrons;
    private final PatronLookup lookup;
    private final IdentityChecks identityChecks;
    private final PatronHistory history;
    private final PatronAccounts accounts;
    private final Clock clock;

    NewPasswords(
            PatronService patrons,
            PatronLookup lookup,
            IdentityChecks identityChecks,
            PatronHistory history,
            PatronAccounts accounts,
            Clock clock) {
        this.patrons = patrons;
        this.lookup = lookup;
        this.identityChecks = identityChecks;
        this.history = history;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Whether the directory can be told "change it at the next login"; the desk says so before asking. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean directoryAsksForAChange() {
        return accounts.tellsMustChange();
    }

    /**
     * Issues a new password to a B patron whose registration is in force and whose directory account
     * exists, after the operator saw the identity document.
     *
     * @param expectedVersion the version of the record the operator was looking at
     * @param mustChange      also tell the directory that it must be changed at the next login
     * @return the password, to show once
     * @throws PatronRuleException when the patron has no login of this library (BX, U, S, C), the
     *     registration is not in force (renew first), or the registration step never made the account
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronAccounts.IssuedPassword issue(
            long patronId, long expectedVersion, IdentityDocument seen, boolean mustChange) {
        lookup.lockForChange(PatronId.of(patronId));
        var patron = patrons.details(patronId);
        if (patron.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(PatronDetails.class, patronId);
        }
        if (patron.kind() == PatronKind.BX) {
            throw new PatronRuleException(Violation.of("kind", "password.bx-no-login"));
        }
        if (!patron.kind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "password.university"));
        }
        if (patron.status() != PatronStatus.ACTIVE || patron.expirationDate().isBefore(LocalDate.now(clock))) {
            throw new PatronRuleException(Violation.of("status", "password.not-in-force"));
        }
        var account = accounts.status(patronId).orElse(null);
        if (account == null || !account.enabled()) {
            throw new PatronRuleException(Violation.of("directoryAccount", "password.no-account"));
        }
        identityChecks.recordIdentityCheck(patronId, seen);
        var issued = accounts.issue(AccountHolders.of(patron), mustChange);
        history.recordStep(
                patron.patronId(),
                "password",
                mustChange ? "new password issued, to be changed at the next login" : "new password issued");
        return issued;
    }
}
