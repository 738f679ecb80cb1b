package be.uliege.library.registration.patron;

/** Whether the patron may use the library's services. */
public enum PatronStatus {
    ACTIVE,
    INACTIVE
}
