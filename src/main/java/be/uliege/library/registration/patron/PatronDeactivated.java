package be.uliege.library.registration.patron;

/**
 * A desk manager deactivated a patron: the patron may no longer use the library's services, so
 * the directory account is disabled (R-INT-1). The reason stays in the patron's history.
 */
public record PatronDeactivated(long patronId, String identifier) {}
