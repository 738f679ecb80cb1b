package be.uliege.library.registration.directory;

import be.uliege.library.registration.directory.PatronAccounts.State;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A patron's directory account as this application last asked for it (R-INT-1, R-DESK-4): what
 * was asked ({@linkplain Action#WRITE written} with a new password, or {@linkplain Action#DISABLE
 * disabled}), by whom and when, under which request, and whether the directory has done it. Only
 * the latest request counts: an older one, retried late, neither fails nor completes the account.
 * The table has no version column: {@link PatronAccounts} and {@link PatronAccountWriter} lock
 * the row before they change it.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Entity
@Table(name = "directory_account")
class DirectoryAccount implements Persistable<Long> {

    /** What was last asked of the directory for the account. */
    enum Action {
        /** Create or update, with a new password, in the patrons' group: the account is enabled. */
        WRITE,
        /** No password, out of the patrons' group. */
        DISABLE
    }

    static final int ERROR_MAX = 200;

    @Id
    @Column(name = "patron_id")
    private long patronId;

    @Column(nullable = false, length = 32)
    private String uid;

    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = ERROR_MAX)
    private @Nullable String lastError;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Action action;

    @Column(name = "expires_on")
    private @Nullable LocalDate expiresOn;

    /** Not stored: whether the row is still to be inserted (the id is the patron's, never generated). */
    @Transient
    private boolean fresh;

    protected DirectoryAccount() {
        this.uid = "";
        this.requestId = "";
        this.state = State.PENDING;
        this.requestedBy = "";
        this.requestedAt = Instant.EPOCH;
        this.action = Action.WRITE;
    }

    /** The patron's first account, asked for with a new password. */
    static DirectoryAccount requested(
            long patronId, String uid, String requestId, String by, Instant at, LocalDate expiration) {
        var account = new DirectoryAccount();
        account.patronId = patronId;
        account.fresh = true;
        account.requestWrite(uid, requestId, by, at, expiration);
        return account;
    }

    /**
     * Asks for the account to be written (created or updated) under {@code uid} with a new
     * password and this expiration: enabled again if it was disabled. It supersedes whatever was
     * asked before.
     *
     * @throws IllegalStateException when the request is the current one already
     */
    void requestWrite(String uid, String requestId, String by, Instant at, LocalDate expiration) {
        requireNew(requestId);
        this.uid = uid;
        this.action = Action.WRITE;
        this.expiresOn = expiration;
        restart(requestId, by, at);
    }

    /**
     * Asks for the account to be disabled; its uid and expiration stay.
     *
     * @throws IllegalStateException when it is disabled (or being disabled) already, or the request is the current one
     */
    void requestDisable(String requestId, String by, Instant at) {
        if (!isEnabled()) {
            throw new IllegalStateException("The directory account " + uid + " is disabled already");
        }
        requireNew(requestId);
        this.action = Action.DISABLE;
        restart(requestId, by, at);
    }

    private void requireNew(String requestId) {
        if (requestId.equals(this.requestId)) {
            throw new IllegalStateException("Request " + requestId + " was asked for already");
        }
    }

    private void restart(String requestId, String by, Instant at) {
        this.requestId = requestId;
        this.state = State.PENDING;
        this.requestedBy = by;
        this.requestedAt = at;
        this.completedAt = null;
        this.attempts = 0;
        this.lastError = null;
    }

    /** Whether {@code requestId} is the latest request for this account (an older one is superseded). */
    boolean isCurrent(String requestId) {
        return this.requestId.equals(requestId);
    }

    /**
     * The directory did not do the current request: one more attempt, and why, for staff (no
     * personal data). It stays pending, and is retried.
     *
     * @throws IllegalStateException when the request is not the current one
     */
    void attemptFailed(String requestId, String reason) {
        requireCurrent(requestId);
        this.attempts++;
        this.lastError = reason.length() > ERROR_MAX ? reason.substring(0, ERROR_MAX) : reason;
    }

    /**
     * The directory wrote the account as asked.
     *
     * @throws IllegalStateException when the request is not the current one, or was a disabling
     */
    void written(String requestId, Instant at) {
        requireCurrent(requestId);
        if (action != Action.WRITE) {
            throw new IllegalStateException("Request " + requestId + " disables the account: it is not written");
        }
        done(at);
    }

    /**
     * The directory disabled the account as asked.
     *
     * @throws IllegalStateException when the request is not the current one, or was a writing
     */
    void disabled(String requestId, Instant at) {
        requireCurrent(requestId);
        if (action != Action.DISABLE) {
            throw new IllegalStateException("Request " + requestId + " writes the account: it is not disabled");
        }
        done(at);
    }

    private void requireCurrent(String requestId) {
        if (!isCurrent(requestId)) {
            throw new IllegalStateException(
                    "Request " + requestId + " was superseded by " + this.requestId + " for " + uid);
        }
    }

    private void done(Instant at) {
        this.state = State.DONE;
        this.completedAt = at;
        this.attempts++;
        this.lastError = null;
    }

    /** Whether the account is (or is being) written: not disabled. */
    boolean isEnabled() {
        return action == Action.WRITE;
    }

    String getUid() {
        return uid;
    }

    String getRequestId() {
        return requestId;
    }

    State getState() {
        return state;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    @Nullable
    Instant getCompletedAt() {
        return completedAt;
    }

    int getAttempts() {
        return attempts;
    }

    @Nullable
    String getLastError() {
        return lastError;
    }

    @Nullable
    LocalDate getExpiresOn() {
        return expiresOn;
    }

    @Override
    public Long getId() {
        return patronId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.fresh = false;
    }
}
