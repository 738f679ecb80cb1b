package be.uliege.library.registration.patron;

/**
 * A patron's primary identifier changed (R-ID-4): a user administrator's edit, or a former U, S
 * or C converted into an external patron (R-CNV-1). Whatever was keyed by the old identifier
 * outside this system — the directory account whose uid it was (R-INT-1) — must follow.
 */
public record PatronIdentifierChanged(long patronId, String oldIdentifier, String newIdentifier) {}
