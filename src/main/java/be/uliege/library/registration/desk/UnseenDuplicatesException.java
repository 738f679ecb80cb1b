package be.uliege.library.registration.desk;

import java.util.List;

/**
 * A walk-in's record would be made while records that may be the same person were not looked at
 * (R-DESK-5): their ids, for the desk to show them.
 */
public class UnseenDuplicatesException extends RuntimeException {

    private final List<Long> candidates;

    UnseenDuplicatesException(List<Long> candidates) {
        super("Possible duplicates not looked at: " + candidates.size());
        this.candidates = List.copyOf(candidates);
    }

    public List<Long> candidates() {
        return candidates;
    }
}
