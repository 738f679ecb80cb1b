package be.uliege.library.registration.card.internal;

import be.uliege.library.registration.card.Cards.Reason;
import be.uliege.library.registration.card.Cards.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A card printed for a patron (R-CARD-3…5): printed with an activation code, or printed already
 * activated; activated once; replaced by a reprint, after which its code no longer works. Each
 * transition refuses a card that is not where it must start from. The table has no version
 * column: {@code Cards} locks the patron's current card rows before it changes them.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Entity
@Table(name = "card")
public class Card {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "patron_id", nullable = false)
    private long patronId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Reason reason;

    /** HMAC of the activation code under the server's secret and this card's id; never the code. */
    @Column(name = "code_hash", length = 64, columnDefinition = "char(64)")
    private @Nullable String codeHash;

    @Column(nullable = false, length = 16)
    private String site;

    @Column(name = "printed_by", nullable = false, length = 64)
    private String printedBy;

    @Column(name = "printed_at", nullable = false)
    private Instant printedAt;

    @Column(name = "activated_at")
    private @Nullable Instant activatedAt;

    protected Card() {
        this.status = Status.PRINTED;
        this.reason = Reason.FIRST;
        this.site = "";
        this.printedBy = "";
        this.printedAt = Instant.EPOCH;
    }

    private Card(long patronId, Status status, Reason reason, String site, String by, Instant at) {
        this.patronId = patronId;
        this.status = status;
        this.reason = reason;
        this.site = site;
        this.printedBy = by;
        this.printedAt = at;
        this.activatedAt = status == Status.ACTIVE ? at : null;
    }

    /** A card printed with its letter: it waits for its activation code ({@link #issueCode}), then for the patron. */
    public static Card printed(long patronId, Reason reason, String site, String by, Instant at) {
        return new Card(patronId, Status.PRINTED, reason, site, by, at);
    }

    /** A card printed already activated (R-CARD-4, some sites only): it has no code. */
    public static Card printedActivated(long patronId, Reason reason, String site, String by, Instant at) {
        return new Card(patronId, Status.ACTIVE, reason, site, by, at);
    }

    /**
     * Keeps the stored form of the card's activation code (R-CARD-5). Once per card, after it has
     * its id (the code's HMAC covers it), and only for a card waiting for activation.
     *
     * @throws IllegalStateException when the card is not saved yet, not printed for activation, or has its code
     */
    public void issueCode(String hash) {
        if (id == null) {
            throw new IllegalStateException("A card gets its code once it has its id");
        }
        if (status != Status.PRINTED) {
            throw new IllegalStateException("Card " + id + " is " + status + ": only a printed card gets a code");
        }
        if (codeHash != null) {
            throw new IllegalStateException("Card " + id + " has its activation code already");
        }
        this.codeHash = hash;
    }

    /** Whether this stored form of a typed code is the card's (compared in constant time); never for a card without code. */
    public boolean codeMatches(String hash) {
        return codeHash != null
                && MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII), codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Activates the card (R-CARD-5): online with its code, or at the desk. A card is activated once.
     *
     * @throws IllegalStateException when the card is active already or replaced
     */
    public void activate(Instant at) {
        if (status != Status.PRINTED) {
            throw new IllegalStateException("Card " + id + " is " + status + ": only a printed card is activated");
        }
        this.status = Status.ACTIVE;
        this.activatedAt = at;
    }

    /**
     * A reprint replaces the card (R-CARD-4): its code no longer works.
     *
     * @throws IllegalStateException when the card was replaced already
     */
    public void replace() {
        if (status == Status.REPLACED) {
            throw new IllegalStateException("Card " + id + " was replaced already");
        }
        this.status = Status.REPLACED;
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

    public Status getStatus() {
        return status;
    }

    public Reason getReason() {
        return reason;
    }

    public String getSite() {
        return site;
    }

    public String getPrintedBy() {
        return printedBy;
    }

    public Instant getPrintedAt() {
        return printedAt;
    }

    public @Nullable Instant getActivatedAt() {
        return activatedAt;
    }
}
