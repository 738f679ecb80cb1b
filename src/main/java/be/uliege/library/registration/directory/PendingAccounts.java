package be.uliege.library.registration.directory;

import be.uliege.library.registration.base.Resubmissions;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory writes still waiting for the directory (issue 15, R-INT-1, R-DESK-4): the accounts
 * whose latest request (a writing or a disabling) is pending — queued, or refused and retried by
 * itself — with how often it was tried and the directory's last answer; and "retry now" for one
 * of them. Retrying is the registration step's own work, so a desk operator's (R-DESK-1): it
 * repeats a write that was decided already, and a write is idempotent (an entry that exists is
 * updated, never made twice).
 */
@Service
public class PendingAccounts {

    /** Rows on one page. */
    public static final int PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final Resubmissions resubmissions;

    PendingAccounts(JdbcTemplate jdbc, Resubmissions resubmissions) {
        this.jdbc = jdbc;
        this.resubmissions = resubmissions;
    }

    /**
     * An account the directory has not confirmed yet.
     *
     * @param disabling whether it is to be disabled (else written with a new password)
     * @param lastError the directory's last answer (a result code such as "connect error"), none while only queued
     */
    public record Pending(
            long patronId,
            String uid,
            boolean disabling,
            Instant requestedAt,
            int attempts,
            @Nullable String lastError) {}

    /** One page (numbered from 0) and how many there are in all. */
    public record Page(long total, int page, List<Pending> rows) {}

    /** The pending accounts, the longest waiting first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Page pending(int page) {
        var total = jdbc.queryForObject("select count(*) from directory_account where state = 'PENDING'", Long.class);
        int number = Math.max(0, page);
        var rows = jdbc.query(
                "select patron_id, uid, action, requested_at, attempts, last_error from directory_account "
                        + "where state = 'PENDING' order by requested_at, patron_id limit ? offset ?",
                (row, n) -> new Pending(
                        row.getLong(1),
                        row.getString(2),
                        "DISABLE".equals(row.getString(3)),
                        row.getObject(4, Timestamp.class).toInstant(),
                        row.getInt(5),
                        row.getString(6)),
                PAGE_SIZE,
                (long) number * PAGE_SIZE);
        return new Page(total == null ? 0 : total, number, rows);
    }

    /**
     * Hands the patron's failed directory work (writing or disabling) to the directory again now,
     * on whichever instance, under the cluster lock of the scheduled retry.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.NEVER)
    public Resubmissions.Outcome retryNow(long patronId) {
        return resubmissions.resubmitFailed(
                event -> (event instanceof PatronAccountRequested r && r.patronId() == patronId)
                        || (event instanceof PatronAccountDisableRequested d && d.patronId() == patronId));
    }
}
