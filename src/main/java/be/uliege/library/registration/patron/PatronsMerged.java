package be.uliege.library.registration.patron;

/**
 * A desk manager merged two records of the same person (R-DESK-9): everything of the absorbed
 * record moves to the survivor. Published <em>inside</em> the merge's transaction, so that each
 * module re-points the rows it owns (fees, cards, registrations, the directory account) with a
 * plain {@code @EventListener} before the absorbed record is deleted: a listener that fails rolls
 * the whole merge back, never half a merge.
 *
 * @param survivorKind the survivor's kind: only a B gets a directory account from here (R-DESK-4)
 * @see "docs/decisions/0012-merge.md"
 */
public record PatronsMerged(
        long survivorId,
        String survivorIdentifier,
        PatronKind survivorKind,
        long absorbedId,
        String absorbedIdentifier) {}
