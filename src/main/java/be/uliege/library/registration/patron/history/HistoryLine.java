package be.uliege.library.registration.patron.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change of a patron as staff read it (R-REC-6). */
public record HistoryLine(
        Instant changedAt,
        String changedBy,
        String field,
        @Nullable String oldValue,
        @Nullable String newValue) {}
