package be.uliege.library.registration.card.internal;

import be.uliege.library.registration.card.Cards.PhotoSource;
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
import org.springframework.data.domain.Persistable;

/**
 * A patron's photo at card resolution (R-CARD-1, R-CARD-2): one per patron, its frame, where it
 * came from, who took it and when. A new photo replaces the old one; an empty photo is refused.
 *
 * @see "docs/decisions/0010-tables-belong-to-modules.md"
 */
@Entity
@Table(name = "patron_photo")
public class PatronPhoto implements Persistable<Long> {

    @Id
    @Column(name = "patron_id")
    private long patronId;

    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] jpeg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private PhotoSource source;

    @Column(name = "taken_by", nullable = false, length = 64)
    private String takenBy;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    /** Not stored: whether the row is still to be inserted (the id is the patron's, never generated). */
    @Transient
    private boolean fresh;

    protected PatronPhoto() {
        this.jpeg = new byte[0];
        this.source = PhotoSource.UPLOAD;
        this.takenBy = "";
        this.takenAt = Instant.EPOCH;
    }

    private PatronPhoto(long patronId) {
        this();
        this.patronId = patronId;
        this.fresh = true;
    }

    /** The patron's first photo. */
    public static PatronPhoto taken(long patronId, byte[] jpeg, PhotoSource source, String by, Instant at) {
        var photo = new PatronPhoto(patronId);
        photo.replaceWith(jpeg, source, by, at);
        return photo;
    }

    /**
     * A new photo of the patron replaces this one.
     *
     * @throws IllegalArgumentException when the photo is empty
     */
    public void replaceWith(byte[] jpeg, PhotoSource source, String by, Instant at) {
        if (jpeg.length == 0) {
            throw new IllegalArgumentException("A photo has an image");
        }
        this.jpeg = jpeg.clone();
        this.source = source;
        this.takenBy = by;
        this.takenAt = at;
    }

    public byte[] getJpeg() {
        return jpeg.clone();
    }

    public PhotoSource getSource() {
        return source;
    }

    public String getTakenBy() {
        return takenBy;
    }

    public Instant getTakenAt() {
        return takenAt;
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
