package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity documents seen at the desk (R-DESK-3): the type, who and when; never the number. */
@Service
public class IdentityChecks {

    private final PatronStore store;
    private final PatronHistory history;
    private final JdbcTemplate jdbc;
    private final CurrentStaff staff;

    IdentityChecks(PatronStore store, PatronHistory history, JdbcTemplate jdbc, CurrentStaff staff) {
        this.store = store;
        this.history = history;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** An identity document seen at the desk (R-DESK-3). */
    public record IdentityCheck(IdentityDocument document, String checkedBy, Instant checkedAt) {}

    /**
     * Records that the operator saw the patron's identity document (R-DESK-3): its type, who and
     * when, in the record's history too. The document's number is never asked for.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void recordIdentityCheck(long id, IdentityDocument document) {
        store.load(id);
        jdbc.update(
                "insert into identity_check (patron_id, document_type, checked_by, checked_at) values (?, ?, ?, ?)",
                id,
                document.name(),
                staff.actor(),
                Timestamp.from(store.now()));
        history.record(id, Map.of(), Map.of("identityCheck", document.name()));
    }

    /** The identity documents checked for a patron, latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<IdentityCheck> identityChecks(long id) {
        return jdbc.query(
                "select document_type, checked_by, checked_at from identity_check where patron_id = ? "
                        + "order by checked_at desc, id desc",
                (row, n) -> new IdentityCheck(
                        IdentityDocument.valueOf(row.getString(1)),
                        row.getString(2),
                        row.getTimestamp(3).toInstant()),
                id);
    }
}
