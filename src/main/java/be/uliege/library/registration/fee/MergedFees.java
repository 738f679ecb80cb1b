package be.uliege.library.registration.fee;

import be.uliege.library.registration.patron.PatronsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R-DESK-9: the absorbed record's fees, paid, waived or open, move to the survivor, in the merge's
 * transaction. Each keeps the identifier it was charged under, as the receipts and the cash reports
 * of past days show it.
 */
@Component
class MergedFees {

    private final JdbcTemplate jdbc;

    MergedFees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PatronsMerged merged) {
        jdbc.update("update fee set patron_id = ? where patron_id = ?", merged.survivorId(), merged.absorbedId());
    }
}
