package be.uliege.library.registration.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An export to the library system (R-INT-3), as the administrators see it.
 *
 * @param since a delta's start: the records changed since the start of the last completed export
 */
public record ExportRun(
        long id,
        Kind kind,
        @Nullable Instant since,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Status status,
        int users,
        int deleted,
        @Nullable String note,
        List<File> files) {

    public ExportRun {
        files = List.copyOf(files);
    }

    public enum Kind {
        /** Every external patron. */
        FULL,
        /** The patrons changed, or erased, since the last completed export. */
        DELTA
    }

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    /** A zip written by the run: its name in the export folder, its users, its size and SHA-256. */
    public record File(String name, int users, long bytes, String sha256) {}

    public @Nullable Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
