package be.uliege.library.registration.directory;

/**
 * A patron's directory account to disable (R-INT-1), published in the transaction that decided it
 * and carried out after the commit: the password removed, the entry out of the patrons' group,
 * {@code shadowExpire} set to the "locked" day 1. The entry itself stays, for the history of
 * whoever looks at the directory, until the patron's record is purged.
 *
 * @param reason why, in words for staff ("expired", "deactivated", "identifier changed"); no
 *               personal data
 */
public record PatronAccountDisableRequested(String requestId, long patronId, String uid, String reason) {}
