package be.uliege.library.registration.retention;

import be.uliege.library.registration.patron.PatronKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A purge run, or an erasure at a patron's request, as the administrators see it (R-RET-1,
 * R-RET-2): what it removed, by kind, and what it skipped — never who it removed.
 *
 * @param purgeBefore records whose purge date is before this day were due
 * @param due         the records due when the run started: its progress is {@link #done()} of it
 */
public record PurgeRun(
        long id,
        Kind kind,
        LocalDate purgeBefore,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Status status,
        boolean stopRequested,
        int due,
        int purged,
        Map<PatronKind, Integer> purgedByKind,
        int skippedFee,
        int skippedHold,
        @Nullable String note) {

    public PurgeRun {
        purgedByKind = Map.copyOf(purgedByKind);
    }

    /** A run of the purge, or one erasure asked for by the person. */
    public enum Kind {
        PURGE,
        ERASURE
    }

    public enum Status {
        RUNNING,
        COMPLETED,
        /** Stopped by an administrator: what was done stays done, the rest waits for the next run. */
        STOPPED,
        /** Ended by an error, or by the end of the instance that ran it. */
        FAILED
    }

    /** The records decided so far: purged or skipped. */
    public int done() {
        return purged + skippedFee + skippedHold;
    }

    public @Nullable Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** A patron a run did not purge, and why. */
    public record Skipped(
            long patronId,
            String primaryIdentifier,
            Outcome outcome,
            @Nullable String detail) {}

    /** Why a record past its purge date stays. */
    public enum Outcome {
        /** A fee is open: the patron owes it (R-RET-1). */
        SKIPPED_FEE,
        /** A manager's hold (R-RET-1). */
        SKIPPED_HOLD
    }
}
