package be.uliege.library.registration.patron.identifier;

/** How much of an identifier range is used, and whether staff must be warned (R-ID-3). */
public record RangeUsage(IdentifierRange range, double used, boolean warning) {}
