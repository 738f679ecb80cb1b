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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A public pre-registration: the inactive B95 patron it created, the state of its e-mail
 * confirmation, the privacy notice accepted, and the flags for staff. Its confirmation links are
 * kept apart ({@code pre_registration_token}), each only as its SHA-256 hash; one works once
 * (R-PRE-4).
 */
@Entity
@Table(name = "pre_registration")
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
}
