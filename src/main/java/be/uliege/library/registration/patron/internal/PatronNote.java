package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.Patron;
import be.uliege.library.registration.patron.contact.ContactSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A note on a patron, local (staff) or external (the nightly load's "synchronized on"). */
@Entity
@Table(name = "patron_note")
public class PatronNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patron_id")
    private Patron patron;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ContactSource source;

    @Column(name = "note_text", nullable = false, length = 2000)
    private String text;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PatronNote() {
        this.patron = null;
        this.source = ContactSource.LOCAL;
        this.text = "";
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
    }

    public PatronNote(Patron patron, ContactSource source, String text, String createdBy, Instant createdAt) {
        this.patron = patron;
        this.source = source;
        this.text = text;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** R-EXT-2: a local note rewritten by its author or a desk manager (the service checks who). */
    public void rewrite(String newText) {
        if (source != ContactSource.LOCAL) {
            throw new IllegalStateException("An external note is read-only");
        }
        this.text = newText;
    }

    public @Nullable Long getId() {
        return id;
    }

    public ContactSource getSource() {
        return source;
    }

    public String getText() {
        return text;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
