package be.uliege.library.registration.directory;

import java.time.LocalDate;

/** The directory confirmed a patron's account (R-INT-1): for the patron's history. */
public record PatronAccountWritten(long patronId, String uid, boolean created, LocalDate expiration) {}
