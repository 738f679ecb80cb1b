package be.uliege.library.registration.preregistration;

/** Where a pre-registration stands (R-PRE-3, R-PRE-4). */
public enum PreRegistrationStatus {
    /** Submitted; the person has not opened the confirmation link yet. Not in the desk's queue. */
    AWAITING_EMAIL_CONFIRMATION,
    /** The e-mail is confirmed: the entry waits in the desk's queue. */
    CONFIRMED,
    /** Validated at the desk as a new patron: out of the queue (R-DESK-3). */
    VALIDATED,
    /** Refused at the desk; the person is told by mail, then the record is deleted. */
    REJECTED
}
