package be.uliege.library.registration.patron;

/**
 * The identity documents the desk accepts when it validates a patron (R-DESK-3). Only the type is
 * recorded, with who checked it and when: never the document's number.
 */
public enum IdentityDocument {
    BELGIAN_ID_CARD,
    FOREIGN_ID_CARD,
    PASSPORT,
    RESIDENCE_PERMIT,
    DRIVING_LICENCE
}
