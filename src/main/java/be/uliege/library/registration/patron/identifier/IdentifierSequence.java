package be.uliege.library.registration.patron.identifier;

import be.uliege.library.registration.patron.PatronSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A sequence of identifier numbers (R-ID-3), as the range-usage report reads it; numbers are
 * taken by {@link IdentifierSequences}. The next number only ever grows, so an identifier is never
 * issued twice, not even after its patron was purged.
 */
@Entity
@Immutable
@Table(name = "identifier_sequence")
class IdentifierSequence {

    @Id
    @Column(name = "name", length = 32)
    private String name;

    @Column(name = "next_value", nullable = false)
    private long nextValue;

    protected IdentifierSequence() {
        this.name = "";
    }

    IdentifierSequence(String name, long nextValue) {
        this.name = name;
        this.nextValue = nextValue;
    }

    /** The share of the range already issued, 0 to 1. */
    double usage(PatronSettings.Range range) {
        long used = Math.max(0, Math.min(nextValue, range.to() + 1) - range.from());
        return (double) used / range.size();
    }

    String getName() {
        return name;
    }
}
