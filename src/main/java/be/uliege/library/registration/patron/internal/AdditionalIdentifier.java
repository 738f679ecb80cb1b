package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.Patron;
import be.uliege.library.registration.patron.identifier.IdentifierType;
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
import org.jspecify.annotations.Nullable;

/** A typed identifier beside the primary one (R-ID-4); unique across all patrons. */
@Entity
@Table(name = "additional_identifier")
public class AdditionalIdentifier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patron_id")
    private Patron patron;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", nullable = false, length = 20)
    private IdentifierType type;

    @Column(name = "id_value", nullable = false, length = 64)
    private String value;

    protected AdditionalIdentifier() {
        this.patron = null;
        this.type = IdentifierType.BARCODE;
        this.value = "";
    }

    public AdditionalIdentifier(Patron patron, IdentifierType type, String value) {
        this.patron = patron;
        this.type = type;
        this.value = value;
    }

    public IdentifierType getType() {
        return type;
    }

    public String getValue() {
        return value;
    }
}
