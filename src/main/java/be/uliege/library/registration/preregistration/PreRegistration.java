package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * A public pre-registration: the inactive B95 patron it created, the state of its e-mail
 * confirmation, the privacy notice accepted, and the flags for staff. Its confirmation links are
 * kept apart ({@code pre_registration_token}), each only as its SHA-256 hash; one works once
 * (R-PRE-4). Once confirmed, it waits in the desk's queue, where an operator may hold it open
 * (R-DESK-2), until the desk validates or rejects it, once (R-DESK-3).
 *
 * <p>Updates write the changed columns only, and a hold does not move the version: opening an
 * entry never makes a reminder or a decision about it fail, and the confirmation mails' columns,
 * which this class does not map, are never written from a stale copy. Holds and decisions lock
 * the row first ({@link PreRegistrationRepository#lockById}).
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Entity
@Table(name = "pre_registration")
@DynamicUpdate
public class PreRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(name = "patron_id", nullable = false)
    private long patronId;

    @Column(name = "patron_identifier", nullable = false, length = 32)
    private String patronIdentifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PreRegistrationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "use_kind", nullable = false, length = 16)
    private Use use;

    /** Hash of what was submitted, so that a refreshed or double-clicked submit finds this entry. */
    @Column(name = "submission_key", nullable = false, unique = true, length = 64)
    private String submissionKey;

    @Column(name = "privacy_notice_version", nullable = false, length = 32)
    private String privacyNoticeVersion;

    @Column(name = "privacy_accepted_at", nullable = false)
    private Instant privacyAcceptedAt;

    @Column(name = "possible_duplicate", nullable = false)
    private boolean possibleDuplicate;

    @Column(name = "foreign_address", nullable = false)
    private boolean foreignAddress;

    /** R-DESK-2: the names of {@link SuspiciousData.Reason}s, comma-separated; null when none. */
    @Column(name = "suspicious_data", length = 200)
    private @Nullable String suspiciousData;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private @Nullable Instant confirmedAt;

    @Column(name = "reminder_sent_at")
    private @Nullable Instant reminderSentAt;

    /** R-DESK-3: who validated or rejected the entry, and when. */
    @Column(name = "decided_by", length = 64)
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    /** R-DESK-2: who has the entry open at the desk, and since when. */
    @OptimisticLock(excluded = true)
    @Column(name = "opened_by", length = 64)
    private @Nullable String openedBy;

    @OptimisticLock(excluded = true)
    @Column(name = "opened_at")
    private @Nullable Instant openedAt;

    protected PreRegistration() {
        this.patronIdentifier = "";
        this.status = PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION;
        this.use = Use.PRIVATE;
        this.submissionKey = "";
        this.privacyNoticeVersion = "";
        this.privacyAcceptedAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    PreRegistration(
            long patronId,
            String patronIdentifier,
            Use use,
            String submissionKey,
            String privacyNoticeVersion,
            boolean possibleDuplicate,
            boolean foreignAddress,
            List<SuspiciousData.Reason> suspicions,
            Instant now) {
        this();
        this.suspiciousData = suspicions.isEmpty()
                ? null
                : suspicions.stream().map(Enum::name).collect(Collectors.joining(","));
        this.patronId = patronId;
        this.patronIdentifier = patronIdentifier;
        this.use = use;
        this.submissionKey = submissionKey;
        this.privacyNoticeVersion = privacyNoticeVersion;
        this.privacyAcceptedAt = now;
        this.possibleDuplicate = possibleDuplicate;
        this.foreignAddress = foreignAddress;
        this.createdAt = now;
    }

    /** Why the data looked suspicious when submitted (R-DESK-2); empty when nothing stood out. */
    public List<SuspiciousData.Reason> getSuspicions() {
        return reasons(suspiciousData);
    }

    static List<SuspiciousData.Reason> reasons(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .flatMap(name -> Arrays.stream(SuspiciousData.Reason.values())
                        .filter(r -> r.name().equals(name)))
                .toList();
    }

    /** R-PRE-4: the link works once, before it expires; the entry then enters the desk's queue. */
    boolean confirm(Instant now) {
        if (status != PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION) {
            return false;
        }
        this.status = PreRegistrationStatus.CONFIRMED;
        this.confirmedAt = now;
        return true;
    }

    void markReminded(Instant now) {
        this.reminderSentAt = now;
    }

    /**
     * R-DESK-2: {@code who} opens the confirmed entry, unless someone else has had it open for less
     * than {@code hold} and {@code takeOver} is false: then nothing changes, and the holder is
     * {@link #getOpenedBy()} since {@link #getOpenedAt()}.
     *
     * @return whether {@code who} has it open now
     * @throws IllegalStateException when the entry is not in the queue (not confirmed, or decided)
     */
    boolean open(String who, boolean takeOver, Instant now, Duration hold) {
        if (status != PreRegistrationStatus.CONFIRMED) {
            throw new IllegalStateException("Pre-registration " + id + " is " + status + ": not in the queue");
        }
        boolean free = openedBy == null
                || sameOperator(openedBy, who)
                || (openedAt != null && openedAt.isBefore(now.minus(hold)));
        if (!takeOver && !free) {
            return false;
        }
        this.openedBy = who;
        this.openedAt = now;
        return true;
    }

    /**
     * {@code who} closes the entry (left for later, or done); an entry someone else has open stays theirs.
     *
     * @return whether it was {@code who}'s
     */
    boolean release(String who) {
        if (openedBy == null || !sameOperator(openedBy, who)) {
            return false;
        }
        this.openedBy = null;
        this.openedAt = null;
        return true;
    }

    /** Staff uids compare as the column does (utf8mb4_unicode_ci): letter case aside. */
    private static boolean sameOperator(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    /**
     * R-DESK-3: validated at the desk as a new patron (or taken over by an existing record): it
     * leaves the queue, and nobody holds it any longer.
     *
     * @throws AlreadyDecidedException when it is not waiting in the queue (decided by someone, or never confirmed)
     */
    void validate(String by, Instant at) {
        decide(PreRegistrationStatus.VALIDATED, by, at);
    }

    /**
     * R-DESK-3: refused at the desk; it leaves the queue, and nobody holds it any longer.
     *
     * @throws AlreadyDecidedException when it is not waiting in the queue (decided by someone, or never confirmed)
     */
    void reject(String by, Instant at) {
        decide(PreRegistrationStatus.REJECTED, by, at);
    }

    private void decide(PreRegistrationStatus outcome, String by, Instant at) {
        if (status != PreRegistrationStatus.CONFIRMED) {
            throw new AlreadyDecidedException(decidedBy);
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.openedBy = null;
        this.openedAt = null;
    }

    public long getId() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public long getPatronId() {
        return patronId;
    }

    public String getPatronIdentifier() {
        return patronIdentifier;
    }

    public PreRegistrationStatus getStatus() {
        return status;
    }

    public Use getUse() {
        return use;
    }

    public boolean isPossibleDuplicate() {
        return possibleDuplicate;
    }

    public boolean hasForeignAddress() {
        return foreignAddress;
    }

    public String getPrivacyNoticeVersion() {
        return privacyNoticeVersion;
    }

    public Instant getPrivacyAcceptedAt() {
        return privacyAcceptedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getConfirmedAt() {
        return confirmedAt;
    }

    @Nullable
    Instant getReminderSentAt() {
        return reminderSentAt;
    }

    public @Nullable String getDecidedBy() {
        return decidedBy;
    }

    @Nullable
    Instant getDecidedAt() {
        return decidedAt;
    }

    @Nullable
    String getOpenedBy() {
        return openedBy;
    }

    @Nullable
    Instant getOpenedAt() {
        return openedAt;
    }
}
