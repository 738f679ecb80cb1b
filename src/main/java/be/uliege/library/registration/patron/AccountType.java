package be.uliege.library.registration.patron;

/** Where a record is managed (R-REC-1, R-EXT-1). */
public enum AccountType {
    /** Managed here only (B, BX, and converted former university people). */
    INTERNAL,
    /** Loaded every night from the university's systems (U, S, C). */
    EXTERNAL
}
