package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.Resubmissions;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The welcome and renewal mails not sent yet (issue 15, R-DESK-4, R-DESK-7, R-INT-2): the
 * registrations whose mail is pending — queued, or refused by the mail server and retried by
 * itself — with how many tries failed; and "retry now" for one of them. Retrying is the
 * registration step's own work, so a desk operator's (R-DESK-1). A mail is never sent twice:
 * only a failed try is resubmitted, under the scheduled retry's cluster lock, and the listener
 * sends only while the registration's row, locked, still says the mail is pending ({@link
 * RegistrationMails}).
 */
@Service
public class PendingMails {

    /** Rows on one page. */
    public static final int PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final Resubmissions resubmissions;

    PendingMails(JdbcTemplate jdbc, Resubmissions resubmissions) {
        this.jdbc = jdbc;
        this.resubmissions = resubmissions;
    }

    /**
     * A registration whose mail is not sent yet.
     *
     * @param renewal whether it is the renewal mail (R-DESK-7), else the welcome mail
     * @param failures the tries the mail server refused (0 while it is only queued)
     * @param retriable whether its last try failed and nothing is trying it now: "retry now" applies
     */
    public record Pending(
            long registrationId,
            long patronId,
            String identifier,
            boolean renewal,
            Instant registeredAt,
            int failures,
            boolean retriable) {}

    /** One page (numbered from 0) and how many there are in all. */
    public record Page(long total, int page, List<Pending> rows) {}

    /** The registrations whose mail is pending, the oldest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Page pending(int page) {
        var total = jdbc.queryForObject("select count(*) from registration where welcome_mail = 'PENDING'", Long.class);
        int number = Math.max(0, page);
        // The failed tries, from the event publication registry (as RegistrationStep.progress counts them).
        var rows = jdbc.query(
                """
                select r.id, r.patron_id, r.patron_identifier, r.kind, r.registered_at,
                  coalesce((select e.COMPLETION_ATTEMPTS + case when e.STATUS = 'FAILED' then 1 else 0 end
                    from EVENT_PUBLICATION e where e.EVENT_TYPE = ? and e.LISTENER_ID like ?
                    and e.COMPLETION_DATE is null
                    and e.SERIALIZED_EVENT like concat('%"registrationId":', r.id, ',%') limit 1), 0),
                  (select e.STATUS from EVENT_PUBLICATION e where e.EVENT_TYPE = ? and e.LISTENER_ID like ?
                    and e.COMPLETION_DATE is null
                    and e.SERIALIZED_EVENT like concat('%"registrationId":', r.id, ',%') limit 1)
                from registration r where r.welcome_mail = 'PENDING'
                order by r.registered_at, r.id limit ? offset ?""",
                (row, n) -> new Pending(
                        row.getLong(1),
                        row.getLong(2),
                        row.getString(3),
                        "RENEWAL".equals(row.getString(4)),
                        row.getObject(5, Timestamp.class).toInstant(),
                        row.getInt(6),
                        "FAILED".equals(row.getString(7))),
                PatronRegistered.class.getName(),
                RegistrationMails.class.getName() + "%",
                PatronRegistered.class.getName(),
                RegistrationMails.class.getName() + "%",
                PAGE_SIZE,
                (long) number * PAGE_SIZE);
        return new Page(total == null ? 0 : total, number, rows);
    }

    /** Hands the registration's failed mail to the mail server again now, under the cluster lock. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.NEVER)
    public Resubmissions.Outcome retryNow(long registrationId) {
        return resubmissions.resubmitFailed(
                event -> event instanceof PatronRegistered r && r.registrationId() == registrationId);
    }
}
