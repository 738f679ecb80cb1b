package be.uliege.library.registration.load;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a run says about one row (R-SIS-1, R-SIS-5): where it is (file, element, line), the primary
 * id when it could be read, and why — a message key of the bundles with its arguments.
 */
public record LoadReportLine(
        Outcome outcome,
        String file,
        long element,
        long line,
        @Nullable String primaryId,
        @Nullable String field,
        String reasonKey,
        List<String> reasonArgs) {

    public LoadReportLine {
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** Why a row is in the report. */
    public enum Outcome {
        /** Not applied: the reason says what to fix in the file. */
        REJECTED,
        /** The same person twice in the file: which row won. */
        DUPLICATE,
        /** A student not re-enrolled: no longer synchronized (R-SIS-4). */
        HELD_BACK
    }
}
