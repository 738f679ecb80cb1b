package be.uliege.library.registration.desk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One run of the registration step (R-DESK-4): who registered the patron, when, at which site,
 * until when, and where its welcome mail stands — pending until it is sent once, or until it turns
 * out that the patron has no address to send it to. Neither outcome is undone. The table has no
 * version column: {@link RegistrationMails} locks the row while it sends the mail.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Entity
@Table(name = "registration")
class Registration {

    /** The first registration, or a renewal (R-DESK-7): each sends its own mail. */
    enum Kind {
        FIRST,
        RENEWAL
    }

    /** Where the welcome mail stands. */
    enum WelcomeMail {
        /** Asked for; sent after the commit, retried until the mail server takes it. */
        PENDING,
        /** Sent, once. */
        SENT,
        /** Not sent: the patron has no e-mail address. */
        NO_EMAIL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "patron_id", nullable = false)
    private long patronId;

    @Column(name = "patron_identifier", nullable = false, length = 32)
    private String patronIdentifier;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(nullable = false, length = 16)
    private String site;

    @Column(name = "expiration_date", nullable = false)
    private LocalDate expirationDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "welcome_mail", nullable = false, length = 8)
    private WelcomeMail welcomeMail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(name = "welcome_mail_at")
    private @Nullable Instant welcomeMailAt;

    protected Registration() {
        this.patronIdentifier = "";
        this.registeredBy = "";
        this.registeredAt = Instant.EPOCH;
        this.site = "";
        this.expirationDate = LocalDate.EPOCH;
        this.welcomeMail = WelcomeMail.PENDING;
        this.kind = Kind.FIRST;
    }

    /** A registration step just run: its welcome mail is pending. */
    Registration(
            long patronId,
            String patronIdentifier,
            String registeredBy,
            Instant registeredAt,
            String site,
            LocalDate expirationDate) {
        this(Kind.FIRST, patronId, patronIdentifier, registeredBy, registeredAt, site, expirationDate);
    }

    /** A registration step of the given kind just run: its mail (welcome or renewal) is pending. */
    Registration(
            Kind kind,
            long patronId,
            String patronIdentifier,
            String registeredBy,
            Instant registeredAt,
            String site,
            LocalDate expirationDate) {
        this();
        this.kind = kind;
        this.patronId = patronId;
        this.patronIdentifier = patronIdentifier;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.site = site;
        this.expirationDate = expirationDate;
    }

    boolean welcomeMailPending() {
        return welcomeMail == WelcomeMail.PENDING;
    }

    /**
     * The welcome mail went out (R-DESK-4): it is never sent again for this registration.
     *
     * @throws IllegalStateException when it is not pending
     */
    void welcomeMailSent(Instant at) {
        requirePending();
        this.welcomeMail = WelcomeMail.SENT;
        this.welcomeMailAt = at;
    }

    /**
     * The patron has no e-mail address: no welcome mail for this registration.
     *
     * @throws IllegalStateException when it is not pending
     */
    void welcomeMailWithoutAddress() {
        requirePending();
        this.welcomeMail = WelcomeMail.NO_EMAIL;
    }

    private void requirePending() {
        if (welcomeMail != WelcomeMail.PENDING) {
            throw new IllegalStateException(
                    "The welcome mail of registration " + id + " is " + welcomeMail + " already");
        }
    }

    long getId() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    Kind getKind() {
        return kind;
    }

    long getPatronId() {
        return patronId;
    }

    String getRegisteredBy() {
        return registeredBy;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    String getSite() {
        return site;
    }

    LocalDate getExpirationDate() {
        return expirationDate;
    }

    WelcomeMail getWelcomeMail() {
        return welcomeMail;
    }

    @Nullable
    Instant getWelcomeMailAt() {
        return welcomeMailAt;
    }
}
