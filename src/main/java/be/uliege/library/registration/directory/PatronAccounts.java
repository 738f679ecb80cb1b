package be.uliege.library.registration.directory;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.security.Roles;
import com.unboundid.ldap.sdk.LDAPException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patrons' directory accounts (R-INT-1, R-DESK-4): uid = primary identifier, a new password
 * under {@link PatronPasswords}' policy, the patron's expiration date, membership of the patrons'
 * group. Asking for an account happens in the caller's transaction; the directory is written after
 * the commit, from the event publication registry, and retried until the directory answers — so a
 * directory that is down never stops the desk, and staff see the step as pending meanwhile.
 */
@Service
public class PatronAccounts {

    private static final Logger log = LoggerFactory.getLogger(PatronAccounts.class);

    private final JdbcTemplate jdbc;
    private final CurrentStaff staff;
    private final DirectoryConnections connections;
    private final DirectoryAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final DirectorySettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PatronAccounts(
            JdbcTemplate jdbc,
            DirectoryAccountRepository accounts,
            ApplicationEventPublisher events,
            DirectorySettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager,
            CurrentStaff staff,
            DirectoryConnections connections) {
        this.staff = staff;
        this.connections = connections;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who the account is for. */
    public record Holder(
            long patronId,
            String identifier,
            String givenName,
            String surname,
            @Nullable String email,
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
    public record Status(
            String uid,
            State state,
            Instant requestedAt,
            @Nullable Instant completedAt,
            int attempts,
            @Nullable String lastError,
            boolean enabled) {}

    /**
     * Asks for the account with a new password, in the caller's transaction: if that transaction
     * rolls back, nothing reaches the directory. Only the desk's registration step calls it, and
     * guards it (desk operators).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedPassword issue(Holder holder) {
        return issue(holder, false);
    }

    /**
     * As {@link #issue(Holder)}; with {@code mustChange}, the directory is also told that the
     * password must be changed at the next login, where it keeps a password policy (R-DESK-8).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedPassword issue(Holder holder, boolean mustChange) {
        var password = PatronPasswords.generate();
        var requestId = UUID.randomUUID().toString();
        var now = clock.instant();
        var by = staff.uid();
        // An account this patron had under another uid (the identifier changed) is disabled first.
        var previous = accounts.lockByPatronId(holder.patronId());
        if (previous.isPresent()
                && !previous.get().getUid().equals(holder.identifier())
                && previous.get().isEnabled()) {
            events.publishEvent(new PatronAccountDisableRequested(
                    UUID.randomUUID().toString(),
                    holder.patronId(),
                    previous.get().getUid(),
                    "identifier changed to " + holder.identifier()));
        }
        previous.ifPresentOrElse(
                account -> account.requestWrite(holder.identifier(), requestId, by, now, holder.expiration()),
                () -> accounts.save(DirectoryAccount.requested(
                        holder.patronId(), holder.identifier(), requestId, by, now, holder.expiration())));
        events.publishEvent(new PatronAccountRequested(
                requestId,
                holder.patronId(),
                holder.identifier(),
                holder.givenName(),
                holder.surname(),
                holder.email(),
                holder.expiration(),
                PatronPasswords.hash(password, PatronPasswords.Scheme.valueOf(settings.passwordScheme())),
                mustChange));
        return new IssuedPassword(holder.identifier(), password);
    }

    /**
     * Requests to delete the entries of erased patrons (R-RET-1) that the directory has not carried
     * out yet: retried until it answers.
     */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public long entryDeletionsWaiting() {
        Long waiting = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where EVENT_TYPE = ? and COMPLETION_DATE is null",
                Long.class,
                PatronEntriesDeleteRequested.class.getName());
        return waiting == null ? 0 : waiting;
    }

    /**
     * Disables the patron's account (R-INT-1) after the commit: no password, out of the patrons'
     * group, {@code shadowExpire} = 1. Only when the account is enabled under {@code uid}; an
     * account already disabled, issued since under another uid, or never made is left alone.
     *
     * @param reason in words for staff, without personal data
     * @return whether a disabling was asked for
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    @Transactional
    public boolean disable(long patronId, String uid, String reason) {
        var current = accounts.lockByPatronId(patronId);
        if (current.isEmpty()
                || !current.get().getUid().equals(uid)
                || !current.get().isEnabled()) {
            return false;
        }
        var requestId = UUID.randomUUID().toString();
        current.get().requestDisable(requestId, staff.actor(), clock.instant());
        events.publishEvent(new PatronAccountDisableRequested(requestId, patronId, uid, reason));
        return true;
    }

    /** What became of the absorbed record's account in a merge (R-DESK-9). */
    public enum Absorbed {
        /** The absorbed record had no account. */
        NONE,
        /** Its account goes: disabled after the commit if it was enabled; the survivor keeps its own. */
        DISABLED,
        /** Its account, under its uid, is the survivor's now: the survivor had none. */
        MOVED
    }

    /** A merge waits while an account it would move or disable is not yet written (R-DESK-9). */
    public static class AccountPendingException extends RuntimeException {
        private final String uid;

        AccountPendingException(String uid) {
            super("The directory account " + uid + " waits for the directory");
            this.uid = uid;
        }

        public String uid() {
            return uid;
        }
    }

    /**
     * Two records of one person merged (R-DESK-9), in the merge's transaction: never two enabled
     * accounts for one person. When the survivor has an account, or may not have one (a BX,
     * R-DESK-4, or one of the university's people, who log in with the university's account), the absorbed record's account is disabled after the commit and its row goes;
     * otherwise it becomes the survivor's, enabled, under its uid (the survivor's next registration
     * writes it under the survivor's identifier and disables the old uid). Refused while the
     * absorbed account waits for the directory: the merge is then tried again a little later.
     *
     * @param survivorMayHaveAccount true for a B survivor only
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public Absorbed absorb(
            long survivorId, String survivorIdentifier, boolean survivorMayHaveAccount, long absorbedId) {
        var absorbed = jdbc.queryForList(
                "select uid, state, action from directory_account where patron_id = ? for update", absorbedId);
        if (absorbed.isEmpty()) {
            return Absorbed.NONE;
        }
        var uid = (String) absorbed.getFirst().get("uid");
        if (State.PENDING.name().equals(absorbed.getFirst().get("state"))) {
            throw new AccountPendingException(uid);
        }
        var survivorHasOne = jdbc.queryForObject(
                        "select count(*) from directory_account where patron_id = ? for update",
                        Integer.class,
                        survivorId)
                > 0;
        if (survivorHasOne || !survivorMayHaveAccount) {
            jdbc.update("delete from directory_account where patron_id = ?", absorbedId);
            if ("WRITE".equals(absorbed.getFirst().get("action"))) {
                events.publishEvent(new PatronAccountDisableRequested(
                        UUID.randomUUID().toString(), survivorId, uid, "merged into " + survivorIdentifier));
            }
            return Absorbed.DISABLED;
        }
        jdbc.update("update directory_account set patron_id = ? where patron_id = ?", survivorId, absorbedId);
        return Absorbed.MOVED;
    }

    /**
     * The nightly run, on one instance only (ShedLock): the others skip it. Held five minutes at
     * least, so that an instance whose clock is a little behind does not run it again.
     */
    @Scheduled(cron = "${registration.directory.expiry-cron:0 40 2 * * *}")
    @SchedulerLock(name = "directory-account-expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void disableExpiredNightly() {
        disableExpired();
    }

    /**
     * R-INT-1: disables the accounts whose expiration day has passed (a renewal writes the account
     * again with its new date before that). Runs every night; a page at a time, so that a first
     * run over years of accounts neither locks the table nor holds one long transaction.
     *
     * @return how many accounts were asked to be disabled
     */
    @PreAuthorize("hasAnyRole('" + Roles.SYSTEM + "', '" + Roles.USER_ADMINISTRATOR + "')")
    public int disableExpired() {
        var today = LocalDate.now(clock);
        int total = 0;
        while (true) {
            var due = jdbc.query(
                    "select patron_id, uid from directory_account where action = 'WRITE' "
                            + "and expires_on < ? order by patron_id limit 500",
                    (row, n) -> Map.entry(row.getLong(1), row.getString(2)),
                    Date.valueOf(today));
            int asked = 0;
            for (var account : due) {
                if (Boolean.TRUE.equals(
                        transactions.execute(s -> disable(account.getKey(), account.getValue(), "expired")))) {
                    asked++;
                }
            }
            total += asked;
            if (due.size() < 500 || asked == 0) {
                break;
            }
        }
        log.info("Directory accounts past their expiration: {} to disable", total);
        return total;
    }

    /** The account's state, if one was ever asked for. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<Status> status(long patronId) {
        return accounts.findById(patronId)
                .map(a -> new Status(
                        a.getUid(),
                        a.getState(),
                        a.getRequestedAt(),
                        a.getCompletedAt(),
                        a.getAttempts(),
                        a.getLastError(),
                        a.isEnabled()));
    }

    /**
     * Whether the directory can be told that a password must be changed at the next login (its
     * password policy defines {@code pwdReset}); false when it cannot be asked right now.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean tellsMustChange() {
        try {
            return PasswordPolicy.known(connections.pool());
        } catch (LDAPException e) {
            log.warn(
                    "Directory unreachable while asking for its password policy: {}",
                    e.getResultCode().getName());
            return false;
        }
    }

    /** How many accounts wait for the directory. */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    public int pendingCount() {
        return Math.toIntExact(accounts.countByState(State.PENDING));
    }
}
