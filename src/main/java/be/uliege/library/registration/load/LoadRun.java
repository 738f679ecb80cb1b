package be.uliege.library.registration.load;

import be.uliege.library.registration.patron.LoadInstructions;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of the load as the administrators see it (R-SIS-5): its file, mode, counts and outcome.
 *
 * @param total the rows the file holds, once its check has read it whole; null before
 * @param stopRequested an administrator asked the running load to stop; it stops after its chunk
 */
public record LoadRun(
        long id,
        @Nullable Long jobExecutionId,
        String fileName,
        LoadInstructions.Mode mode,
        boolean dryRun,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Status status,
        @Nullable Long total,
        Counts counts,
        @Nullable String refusedReason,
        boolean stopRequested) {

    /** Where a run stands. */
    public enum Status {
        /** Reading the file. */
        RUNNING,
        /** Every row was read and applied (rejected rows are listed). */
        COMPLETED,
        /** The file was refused whole: nothing changed. */
        REFUSED,
        /** Stopped by an administrator: what was done stays done; a restart goes on from there. */
        STOPPED,
        /** Failed in the middle (a database or a machine down): restarted from where it was. */
        FAILED
    }

    /** The counts of a run (R-SIS-5). */
    public record Counts(
            long read, long created, long updated, long unchanged, long rejected, long duplicates, long heldBack) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(
                    read + other.read,
                    created + other.created,
                    updated + other.updated,
                    unchanged + other.unchanged,
                    rejected + other.rejected,
                    duplicates + other.duplicates,
                    heldBack + other.heldBack);
        }
    }

    public @Nullable Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    public boolean finished() {
        return status != Status.RUNNING;
    }
}
