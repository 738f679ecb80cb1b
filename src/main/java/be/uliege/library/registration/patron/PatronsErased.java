package be.uliege.library.registration.patron;

import java.util.List;

/**
 * Patrons are about to be erased (R-RET-1: purged, or R-RET-2: erased at their request). Published
 * <em>inside</em> the erasure's transaction, before the records and everything that cascades from
 * them are deleted, so that each module removes or anonymises the rows it owns that the database
 * does not cascade (a fee keeps its amount for the cash reports, without the patron) with a plain
 * {@code @EventListener}: a listener that fails — a fee found open — rolls the whole erasure back.
 *
 * @param run the purge run or erasure that removes them (the retention module's report)
 */
public record PatronsErased(long run, List<Erased> patrons) {

    public PatronsErased {
        patrons = List.copyOf(patrons);
    }

    /**
     * One patron going, with the primary identifiers the record had before (R-ID-4): a former B
     * identifier may still name an entry of the directory.
     */
    public record Erased(
            long id, String primaryIdentifier, PatronKind kind, String userGroup, List<String> formerIdentifiers) {

        public Erased {
            formerIdentifiers = List.copyOf(formerIdentifiers);
        }
    }

    public List<Long> ids() {
        return patrons.stream().map(Erased::id).toList();
    }
}
