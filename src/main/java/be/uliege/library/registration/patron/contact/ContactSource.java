package be.uliege.library.registration.patron.contact;

/** Where a contact item comes from (R-EXT-1, R-EXT-2). */
public enum ContactSource {
    /** Entered here; editable, survives every load. */
    LOCAL,
    /** Loaded from the university's systems; read-only, replaced by the next load. */
    EXTERNAL
}
