package be.uliege.library.registration.patron;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * R-SIS-3: where a loaded record's synchronization stands. A record of the university's people
 * (U, S, C, loaded every night) whose last synchronization is not today's is no longer in the
 * source systems, or its row failed: the desk sees it at a glance.
 *
 * @param lastDay the day of the last load that saw the person; null if never loaded
 */
public record Synchronization(@Nullable LocalDate lastDay, boolean loaded) {

    /** The state of a record of this kind and account type. */
    static Synchronization of(PatronKind kind, AccountType account, @Nullable LocalDate lastDay) {
        return new Synchronization(lastDay, kind.isUniversity() && account == AccountType.EXTERNAL);
    }

    /** Whether the record should have been synchronized today and was not. */
    public boolean staleOn(LocalDate today) {
        return loaded && (lastDay == null || lastDay.isBefore(today));
    }
}
