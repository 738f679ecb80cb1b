package be.uliege.library.registration.desk;

import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.DuplicateCandidate;
import be.uliege.library.registration.patron.DuplicateSearch;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.PatronTakeOver;
import be.uliege.library.registration.patron.TakeOverComparison;
import be.uliege.library.registration.preregistration.AlreadyDecidedException;
import be.uliege.library.registration.preregistration.PreRegistrationDecisions;
import be.uliege.library.registration.security.Roles;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validating a person at the desk (R-DESK-3, R-DESK-5, R-CNV-1), each in one transaction: the data
 * corrected, the identity document recorded, the decision about the pre-registration, and the
 * fees charged — after which the record waits, inactive, for its fees and the registration step.
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class DeskValidation {

    private final PatronService patrons;
    private final IdentityChecks identityChecks;
    private final PatronTakeOver takeOvers;
    private final DuplicateSearch duplicates;
    private final PreRegistrationDecisions decisions;
    private final Fees fees;
    private final PatronSettings settings;

    DeskValidation(
            PatronService patrons,
            IdentityChecks identityChecks,
            PatronTakeOver takeOvers,
            DuplicateSearch duplicates,
            PreRegistrationDecisions decisions,
            Fees fees,
            PatronSettings settings) {
        this.settings = settings;
        this.patrons = patrons;
        this.identityChecks = identityChecks;
        this.takeOvers = takeOvers;
        this.duplicates = duplicates;
        this.decisions = decisions;
        this.fees = fees;
    }

    /**
     * The pre-registration is a new patron: its record takes the corrected data (read in
     * {@code patronVersion}); the entry leaves the queue. Refused when a colleague decided first.
     *
     * @return the patron's record
     */
    @Transactional
    public PatronDetails validateAsNew(
            long entryId, long patronVersion, PatronDraft corrected, IdentityDocument document) {
        var entry = decisions.entry(entryId).orElseThrow(() -> new AlreadyDecidedException(null));
        decisions.validated(entryId);
        // The entry's own record: the operator corrected it field by field in the form.
        takeOvers.takeOver(
                entry.patronId(), patronVersion, corrected, TakeOverComparison.Field.choosableFields(), null);
        return chargeAndCheck(entry.patronId(), document);
    }

    /**
     * What taking over an existing record with the pre-registration's data (as corrected) would
     * change, field by field (R-DESK-3, R-CNV-1); nothing is written.
     */
    @Transactional(readOnly = true)
    public TakeOverComparison compareTakeOver(long entryId, long existingId, PatronDraft data) {
        var entry = decisions.entry(entryId).orElseThrow(() -> new AlreadyDecidedException(null));
        if (entry.patronId() == existingId) {
            throw new IllegalArgumentException("An entry cannot take itself over");
        }
        return takeOvers.compareTakeOver(existingId, data, entry.identifier());
    }

    /**
     * The person of the pre-registration is an existing patron (R-DESK-3): that record takes the
     * fields of the data given now that the operator chose ({@code takeNew}) and keeps every other
     * one (a former U, S or C is converted, R-CNV-1: a desk manager's task), keeps the
     * pre-registration's identifier as a former one, and the pre-registered record is deleted.
     * Refused when the record changed since the comparison ({@code existingVersion}) was read.
     */
    @Transactional
    public PatronDetails takeOver(
            long entryId,
            long existingId,
            long existingVersion,
            PatronDraft data,
            Set<TakeOverComparison.Field> takeNew,
            IdentityDocument document) {
        var entry = decisions.entry(entryId).orElseThrow(() -> new AlreadyDecidedException(null));
        if (entry.patronId() == existingId) {
            throw new IllegalArgumentException("An entry cannot take itself over");
        }
        var b95 = decisions.takenOver(entryId);
        takeOvers.takeOver(existingId, existingVersion, data, takeNew, b95);
        return chargeAndCheck(existingId, document);
    }

    /**
     * A walk-in (R-DESK-5): a new B record with a desk identifier, made only once every record that
     * may be the same person was shown to the operator ({@code candidatesSeen}); otherwise refused
     * with the ones not looked at. In the BX group, a BX record (R-CNV-4): a manager's, no fee.
     */
    @Transactional
    public PatronDetails registerWalkIn(PatronDraft draft, IdentityDocument document, Set<Long> candidatesSeen) {
        var unseen = duplicates.candidates(draft, -1).stream()
                .filter(c -> c.score().isCandidate() && !candidatesSeen.contains(c.id()))
                .map(DuplicateCandidate::id)
                .toList();
        if (!unseen.isEmpty()) {
            throw new UnseenDuplicatesException(unseen);
        }
        if (isBxGroup(draft.userGroup())) {
            // R-CNV-4: a BX patron (a manager's, checked by registerAtDesk): no fee, no registration step.
            // Active at once: there is no step to activate it, and a BX patron places requests and
            // interlibrary loans from the first day.
            var bx = patrons.registerAtDesk(PatronKind.BX, draft);
            identityChecks.recordIdentityCheck(bx.id(), document);
            return patrons.activate(bx.id(), patrons.details(bx.id()).version());
        }
        var created = patrons.registerAtDesk(PatronKind.B, draft);
        return chargeAndCheck(created.id(), document);
    }

    /** What taking over a record with a walk-in's data would change, field by field; nothing is written. */
    @Transactional(readOnly = true)
    public TakeOverComparison compareTakeOverWalkIn(long existingId, PatronDraft data) {
        return takeOvers.compareTakeOver(existingId, data, null);
    }

    /**
     * The existing record of a person met at the desk, taken over without a pre-registration: the
     * chosen fields of the data given, the record's own for the others (R-DESK-5, R-CNV-1).
     */
    @Transactional
    public PatronDetails takeOverWalkIn(
            long existingId,
            long existingVersion,
            PatronDraft data,
            Set<TakeOverComparison.Field> takeNew,
            IdentityDocument document) {
        takeOvers.takeOver(existingId, existingVersion, data, takeNew, null);
        return chargeAndCheck(existingId, document);
    }

    /** Whether the group is the BX patrons' own (R-CNV-4, R-GRP-1). */
    private boolean isBxGroup(@Nullable String group) {
        return settings.userGroups().stream()
                .anyMatch(g -> g.name().equals(group)
                        && g.kinds().contains(PatronKind.BX)
                        && !g.kinds().contains(PatronKind.B));
    }

    private PatronDetails chargeAndCheck(long patronId, IdentityDocument document) {
        identityChecks.recordIdentityCheck(patronId, document);
        fees.chargeRegistration(patronId);
        return patrons.details(patronId);
    }

    /** Refused, with the reason the person receives (R-DESK-3). */
    @Transactional
    public void reject(long entryId, String reason) {
        decisions.reject(entryId, reason);
    }
}
