package be.uliege.library.registration.patron;

/** Drives the salutation of letters and mails: Madame, Monsieur, or a neutral one (R-REC-1). */
public enum Gender {
    F,
    M,
    /** Other or not said: letters use a neutral salutation. */
    X
}
