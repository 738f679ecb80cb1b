package be.uliege.library.registration.directory;

/**
 * A patron's directory account was disabled (R-INT-1); {@code found} is false when the directory
 * had no such entry (nothing was left to disable).
 */
public record PatronAccountDisabled(long patronId, String uid, String reason, boolean found) {}
