package be.uliege.library.registration.fee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fee (R-FEE-2): a transaction of a type and an amount, created by someone at some time, then
 * paid in cash or waived with a reason. Versioned: two operators settling the same fee cannot
 * both succeed.
 */
@Entity
@Table(name = "fee")
class Fee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(name = "patron_id", nullable = false)
    private long patronId;

    @Column(name = "patron_identifier", nullable = false, length = 32)
    private String patronIdentifier;

    @Column(name = "fee_type", nullable = false, length = 32)
    private String type;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private FeeStatus status;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "settled_by", length = 64)
    private @Nullable String settledBy;

    @Column(name = "settled_at")
    private @Nullable Instant settledAt;

    @Column(length = 16)
    private @Nullable String site;

    @Column(name = "payment_method", length = 8)
    private @Nullable String paymentMethod;

    @Column(name = "waiver_reason", length = 500)
    private @Nullable String waiverReason;

    @Column(name = "receipt_number", length = 40)
    private @Nullable String receiptNumber;

    @Column(name = "registration_id")
    private @Nullable Long registrationId;

    @Column(name = "card_id")
    private @Nullable Long cardId;

    protected Fee() {
        this.patronIdentifier = "";
        this.type = "";
        this.label = "";
        this.amount = BigDecimal.ZERO;
        this.status = FeeStatus.OPEN;
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
    }

    Fee(
            long patronId,
            String patronIdentifier,
            String type,
            FeeSettings.FeeType feeType,
            String createdBy,
            Instant createdAt) {
        this();
        this.patronId = patronId;
        this.patronIdentifier = patronIdentifier;
        this.type = type;
        this.label = feeType.label();
        this.amount = feeType.amount().setScale(2, RoundingMode.HALF_UP); // 5 → 5.00, as stored
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void pay(String by, Instant at, String siteCode, String receipt) {
        requireOpen();
        this.status = FeeStatus.PAID;
        this.settledBy = by;
        this.settledAt = at;
        this.site = siteCode;
        this.paymentMethod = "CASH";
        this.receiptNumber = receipt;
    }

    void waive(String by, Instant at, String siteCode, String reason) {
        requireOpen();
        this.status = FeeStatus.WAIVED;
        this.settledBy = by;
        this.settledAt = at;
        this.site = siteCode;
        this.waiverReason = reason;
    }

    private void requireOpen() {
        if (status != FeeStatus.OPEN) {
            throw new FeeSettledException(settledBy, settledAt);
        }
    }

    void usedBy(long registration) {
        this.registrationId = registration;
    }

    /** A replacement fee pays for one card only (R-CARD-4). */
    void paysForCard(long card) {
        if (cardId != null) {
            throw new IllegalStateException("Fee " + id + " paid for card " + cardId + " already");
        }
        this.cardId = card;
    }

    FeeLine toLine() {
        return new FeeLine(
                id == null ? -1 : id,
                type,
                label,
                amount,
                status,
                createdBy,
                createdAt,
                settledBy,
                settledAt,
                site,
                waiverReason,
                receiptNumber);
    }

    long getPatronId() {
        return patronId;
    }

    String getPatronIdentifier() {
        return patronIdentifier;
    }

    FeeStatus getStatus() {
        return status;
    }

    String getType() {
        return type;
    }

    @Nullable
    Long getRegistrationId() {
        return registrationId;
    }
}
