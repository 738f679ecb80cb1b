package be.uliege.library.registration.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patrons' directory accounts (R-INT-1, R-DESK-4): uid = primary identifier, a new password
 * under {@link PatronPasswords}' policy, the patron's expiration date, membership of the patrons'
 * group. Asking for an account happens in the caller's transaction; the directory is written after
 * the commit, from the event publication registry, and retried until the directory answers — so a
 * directory that is down never stops the desk, and staff see the step as pending meanwhile.
 */
@Service
public class PatronAccounts {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final DirectorySettings settings;
    private final Clock clock;

    PatronAccounts(JdbcTemplate jdbc, ApplicationEventPublisher events, DirectorySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who the account is for. */
    public record Holder(long patronId, String identifier, String givenName, String surname, @Nullable String email,
            LocalDate expiration) {}

    /** The login and the new password, to be shown once and printed for the patron. */
    public record IssuedPassword(String login, String password) {
        @Override
        public String toString() {
            return "IssuedPassword[" + login + "]"; // the password never reaches a log
        }
    }

    /** Where the account stands, for staff. */
    public enum State {
        /** Asked for; the directory has not confirmed it yet (it may be down: retried by itself). */
        PENDING,
        /** Written to the directory. */
        DONE
    }

    /** The account's state as staff see it. */
    public record Status(String uid, State state, Instant requestedAt, @Nullable Instant completedAt, int attempts,
            @Nullable String lastError) {}

    /**
     * Asks for the account with a new password, in the caller's transaction: if that transaction
     * rolls back, nothing reaches the directory. Only the desk's registration step calls it, and
     * guards it (desk operators).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedPassword issue(Holder holder) {
        var password = PatronPasswords.generate();
        var requestId = UUID.randomUUID().toString();
        var now = Timestamp.from(clock.instant());
        var by = SecurityContextHolder.getContext().getAuthentication().getName();
        jdbc.update("""
                insert into directory_account (patron_id, uid, request_id, state, requested_by, requested_at, attempts)
                values (?, ?, ?, 'PENDING', ?, ?, 0)
                on duplicate key update uid = values(uid), request_id = values(request_id), state = 'PENDING',
                  requested_by = values(requested_by), requested_at = values(requested_at), completed_at = null,
                  attempts = 0, last_error = null""",
                holder.patronId(), holder.identifier(), requestId, by, now);
        events.publishEvent(new PatronAccountRequested(requestId, holder.patronId(), holder.identifier(),
                holder.givenName(), holder.surname(), holder.email(), holder.expiration(),
                PatronPasswords.hash(password, PatronPasswords.Scheme.valueOf(settings.passwordScheme()))));
        return new IssuedPassword(holder.identifier(), password);
    }

    /** The account's state, if one was ever asked for. */
    @Transactional(readOnly = true)
    public Optional<Status> status(long patronId) {
        return jdbc.query("select uid, state, requested_at, completed_at, attempts, last_error from directory_account "
                + "where patron_id = ?", (row, n) -> {
                    var completed = row.getTimestamp(4);
                    return new Status(row.getString(1), State.valueOf(row.getString(2)),
                            row.getTimestamp(3).toInstant(), completed == null ? null : completed.toInstant(),
                            row.getInt(5), row.getString(6));
                }, patronId).stream().findFirst();
    }

    /** How many accounts wait for the directory. */
    public int pendingCount() {
        Integer count = jdbc.queryForObject("select count(*) from directory_account where state = 'PENDING'",
                Integer.class);
        return count == null ? 0 : count;
    }
}
