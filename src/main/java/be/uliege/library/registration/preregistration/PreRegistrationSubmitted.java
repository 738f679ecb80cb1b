package be.uliege.library.registration.preregistration;

/** A pre-registration was stored; its confirmation mail is due. */
public record PreRegistrationSubmitted(long preRegistrationId) {}
