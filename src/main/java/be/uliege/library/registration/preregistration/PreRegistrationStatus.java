package be.uliege.library.registration.preregistration;

/** Where a pre-registration stands (R-PRE-3, R-PRE-4). */
public enum PreRegistrationStatus {
    /** Submitted; the person has not opened the confirmation link yet. Not in the desk's queue. */
    AWAITING_EMAIL_CONFIRMATION,
    /** The e-mail is confirmed: the entry waits in the desk's queue. */
    CONFIRMED
}
