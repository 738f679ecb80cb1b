package be.uliege.library.registration.patron;

/** The three kinds of contact information (R-CON-1…4). */
public enum ContactKind {
    ADDRESS,
    PHONE,
    EMAIL
}
