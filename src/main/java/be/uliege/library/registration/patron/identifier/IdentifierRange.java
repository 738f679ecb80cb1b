package be.uliege.library.registration.patron.identifier;

/** The identifier sequences of R-ID-3. */
public enum IdentifierRange {
    /** B numbers made at the desk; BX numbers are taken from here too. */
    DESK,
    /** B95 numbers of public pre-registrations. */
    PRE_REGISTRATION
}
