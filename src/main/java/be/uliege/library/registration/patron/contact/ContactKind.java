package be.uliege.library.registration.patron.contact;

/** The three kinds of contact information (R-CON-1…4). */
public enum ContactKind {
    ADDRESS,
    PHONE,
    EMAIL
}
