package be.uliege.library.registration.patron;

/** Public (a patron) or staff record (R-REC-1). */
public enum RecordType {
    PUBLIC,
    STAFF
}
