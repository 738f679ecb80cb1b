package be.uliege.library.registration.desk;

import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.fee.FeesDueException;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.security.Roles;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change of use of a B patron, private ↔ professional (R-FEE-1, R-GRP-1): the user group
 * moves with the job category and description, and the fee follows. Moving to professional use
 * while the registration is in force costs the professional yearly fee, paid or waived before the
 * change is made; if the patron cannot pay, nothing changes. Moving the other way costs nothing,
 * and a fee charged for a step not done yet is cancelled. The dates stay: a new year is a renewal
 * (R-DESK-7).
 *
 * @see "docs/decisions/0011-change-of-use.md"
 */
@Service
public class ChangesOfUse {

    private final PatronService patrons;
    private final PatronLookup lookup;
    private final Fees fees;

    ChangesOfUse(PatronService patrons, PatronLookup lookup, Fees fees) {
        this.patrons = patrons;
        this.lookup = lookup;
        this.fees = fees;
    }

    /** Whether the draft moves the patron to another group: the edit is then a change of use. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean isChangeOfUse(PatronDetails patron, PatronDraft draft) {
        return draft.userGroup() != null && !Objects.equals(draft.userGroup(), patron.userGroup());
    }

    /**
     * The fee the change to this group costs now, charged if it was not (nothing when it costs
     * nothing). The operator takes it, or a manager waives it, before {@link #change}.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public List<FeeLine> fee(long patronId, String newGroup) {
        return fees.chargeChangeOfUse(patronId, newGroup);
    }

    /**
     * Makes the change: the fee settled first, then the record's new group, category and
     * description and the other fields of the draft, in one transaction.
     *
     * @param expectedVersion the version the operator was looking at
     * @throws FeesDueException when the professional yearly fee is due (its total; 0 when it was
     *     never charged: call {@link #fee} first)
     * @throws PatronRuleException when a field is refused, each named, or a fee already paid waits
     *     for its registration step
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails change(long patronId, long expectedVersion, PatronDraft draft) {
        lookup.lockForChange(PatronId.of(patronId));
        var group = draft.userGroup();
        if (!isChangeOfUse(patrons.details(patronId), draft)) {
            return patrons.update(patronId, expectedVersion, draft);
        }
        fees.useForChangeOfUse(patronId, Objects.requireNonNull(group));
        return patrons.changeUse(patronId, expectedVersion, draft);
    }
}
