package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the nightly load did with one row (R-SIS-5): its counts are the run's counts.
 *
 * @param patron the record's primary identifier after the row, when there is one
 * @param reasons why a row was rejected, field by field (the rules' own messages)
 * @param other for a person twice in the file: the identifier of the row that won (or lost)
 */
public record LoadOutcome(
        Result result,
        @Nullable String patron,
        List<Violation> reasons,
        @Nullable String other) {

    public LoadOutcome {
        reasons = List.copyOf(reasons);
    }

    /** The possible outcomes of a row. */
    public enum Result {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED,
        /** The same person twice in one file: this row lost to the one named in {@code other}. */
        DUPLICATE,
        /**
         * The record holds a kind that wins over the row's (a U seen now as S): decided at the end
         * of the run, when every row of the file has been read.
         */
        DEFERRED
    }

    static LoadOutcome of(Result result, String patron) {
        return new LoadOutcome(result, patron, List.of(), null);
    }

    static LoadOutcome rejected(List<Violation> reasons) {
        return new LoadOutcome(Result.REJECTED, null, reasons, null);
    }
}
