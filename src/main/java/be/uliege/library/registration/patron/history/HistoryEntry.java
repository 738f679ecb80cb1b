package be.uliege.library.registration.patron.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change of a patron: who, when, which field, old and new value (R-REC-6). */
@Entity
@Table(name = "patron_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "patron_id", nullable = false)
    private long patronId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "field_name", nullable = false, length = 64)
    private String field;

    @Column(name = "old_value", length = 1000)
    private @Nullable String oldValue;

    @Column(name = "new_value", length = 1000)
    private @Nullable String newValue;

    protected HistoryEntry() {
        this.changedAt = Instant.EPOCH;
        this.changedBy = "";
        this.field = "";
    }

    HistoryEntry(
            long patronId,
            Instant changedAt,
            String changedBy,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {
        this.patronId = patronId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public long getPatronId() {
        return patronId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getField() {
        return field;
    }

    public @Nullable String getOldValue() {
        return oldValue;
    }

    public @Nullable String getNewValue() {
        return newValue;
    }
}
