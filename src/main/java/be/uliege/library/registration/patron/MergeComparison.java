package be.uliege.library.registration.patron;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Two records of the same person side by side, read before a desk manager merges them (R-DESK-9):
 * for each field that differs, the manager keeps one side's value. The merge is refused when
 * either record changed since this comparison was read (each side's {@link Side#version()}).
 *
 * <p>A record loaded from the university (R-EXT-1) must survive, and its values are the loaded
 * ones: no field is then choosable ({@link #loadedSurvivor()}).
 *
 * @param first  the record the merge was started from
 * @param second the record picked by its identifier
 * @param rows   the identity and group fields, the differing ones first
 * @see "docs/decisions/0012-merge.md"
 */
public record MergeComparison(Side first, Side second, List<Row> rows) {

    public MergeComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One record as the comparison read it.
     *
     * @param loaded           whether the nightly load owns it (R-EXT-1)
     * @param otherIdentifiers its additional identifiers, all kept by the merge (R-ID-4)
     */
    public record Side(
            long id,
            long version,
            String identifier,
            PatronKind kind,
            boolean loaded,
            PatronStatus status,
            LocalDate expirationDate,
            List<String> otherIdentifiers,
            int contacts,
            int notes) {

        public Side {
            otherIdentifiers = List.copyOf(otherIdentifiers);
        }
    }

    /**
     * One field of both records, as text (names as stored, enums by name, dates ISO); null where a
     * record has none.
     *
     * @param choosable whether the manager picks the value (the two differ and no record is loaded)
     */
    public record Row(
            TakeOverComparison.Field field,
            @Nullable String first,
            @Nullable String second,
            boolean choosable) {

        public boolean differs() {
            return !Objects.equals(first, second);
        }
    }

    /** The loaded record, which must survive with its own values (R-EXT-1); empty when both are local. */
    public Optional<Side> loadedSurvivor() {
        if (first.loaded()) {
            return Optional.of(first);
        }
        return second.loaded() ? Optional.of(second) : Optional.empty();
    }

    /** The side with this id. */
    public Side side(long id) {
        if (first.id() == id) {
            return first;
        }
        if (second.id() == id) {
            return second;
        }
        throw new IllegalArgumentException("Not in this comparison: " + id);
    }

    /** The other side than the one with this id. */
    public Side other(long id) {
        return side(id) == first ? second : first;
    }

    /** The row of a field. */
    public Row row(TakeOverComparison.Field field) {
        return rows.stream()
                .filter(r -> r.field() == field)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + field));
    }
}
