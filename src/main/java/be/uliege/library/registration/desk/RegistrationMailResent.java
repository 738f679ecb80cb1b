package be.uliege.library.registration.desk;

/**
 * A desk operator asked for a registration's mail again (R-DESK-4, R-DESK-7): the welcome mail
 * after a first registration, the renewal mail after a renewal. Sent after the commit, once.
 */
public record RegistrationMailResent(long registrationId, long patronId) {}
