package be.uliege.library.registration.directory;

import java.util.List;

/**
 * Directory entries of erased patrons to delete (R-RET-1): published in the erasure's transaction,
 * carried out after its commit and retried until the directory answers (the event publication
 * registry); deleting an entry already gone changes nothing, so a retry is safe and each entry goes
 * once. The uids are the patrons' current and former B identifiers, never given again (R-ID-3).
 */
public record PatronEntriesDeleteRequested(String requestId, List<String> uids) {

    public PatronEntriesDeleteRequested {
        uids = List.copyOf(uids);
    }

    @Override
    public String toString() {
        return "PatronEntriesDeleteRequested[" + requestId + ", " + uids.size() + " entries]";
    }
}
