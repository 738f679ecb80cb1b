package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R-DESK-9, in the merge's transaction: the absorbed record's registration steps move to the
 * survivor, and its directory account follows {@link PatronAccounts#absorb} — never two enabled
 * accounts for one person (R-INT-1). An account that still waits for the directory refuses the
 * whole merge, in words: nothing is merged, and the manager tries again a little later.
 */
@Component
class MergedRegistrations {

    private final JdbcTemplate jdbc;
    private final PatronAccounts accounts;
    private final PatronHistory history;

    MergedRegistrations(JdbcTemplate jdbc, PatronAccounts accounts, PatronHistory history) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
    }

    @EventListener
    void on(PatronsMerged merged) {
        jdbc.update(
                "update registration set patron_id = ? where patron_id = ?", merged.survivorId(), merged.absorbedId());
        PatronAccounts.Absorbed outcome;
        try {
            outcome = accounts.absorb(
                    merged.survivorId(),
                    merged.survivorIdentifier(),
                    merged.survivorKind() == PatronKind.B,
                    merged.absorbedId());
        } catch (PatronAccounts.AccountPendingException e) {
            throw new PatronRuleException(Violation.of("merge", "merge.account-pending", e.uid()));
        }
        if (outcome == PatronAccounts.Absorbed.MOVED) {
            history.recordStep(
                    PatronId.of(merged.survivorId()),
                    "directoryAccount",
                    "kept from " + merged.absorbedIdentifier() + " (merged)");
        }
    }
}
