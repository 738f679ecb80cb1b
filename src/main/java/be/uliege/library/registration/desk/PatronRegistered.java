package be.uliege.library.registration.desk;

/** A registration step completed in the database (R-DESK-4): the welcome mail follows. */
public record PatronRegistered(long registrationId, long patronId) {}
