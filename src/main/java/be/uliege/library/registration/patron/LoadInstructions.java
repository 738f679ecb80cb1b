package be.uliege.library.registration.patron;

import java.time.LocalDate;
import java.util.List;

/**
 * How a load applies its rows (R-SIS-2): the mode, the match point, the run and which kind wins
 * when one person is in the file twice.
 *
 * @param run the load run's id, stored on each record it saw, so that a second row of the same
 *            person in the same run is recognised
 * @param day the day the run synchronizes (R-SIS-3)
 * @param kindPriority the kinds from the one that wins to the one that loses (default U, C, S)
 * @param dryRun say what would change, change nothing
 */
public record LoadInstructions(
        Mode mode, MatchPoint matchPoint, long run, LocalDate day, List<PatronKind> kindPriority, boolean dryRun) {

    public LoadInstructions {
        kindPriority = List.copyOf(kindPriority);
    }

    /** R-SIS-2. */
    public enum Mode {
        /** Creates only: for a first load. A row whose person is already here is rejected. */
        IMPORT,
        /** Matches, updates the external fields, creates the new people. */
        SYNCHRONIZE
    }

    /** What a row is matched on; a former primary identifier always matches too (R-CNV-3). */
    public enum MatchPoint {
        /** The university key ("P identifier", R-ID-5). */
        UNIVERSITY_KEY,
        /** The primary identifier the university gave (U…, S…, C…). */
        PRIMARY_IDENTIFIER
    }

    /** Whether {@code a} wins over {@code b}: earlier in the priority list (unlisted kinds lose). */
    boolean wins(PatronKind a, PatronKind b) {
        int ia = rank(a);
        int ib = rank(b);
        return ia < ib;
    }

    private int rank(PatronKind kind) {
        int index = kindPriority.indexOf(kind);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
