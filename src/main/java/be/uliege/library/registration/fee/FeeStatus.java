package be.uliege.library.registration.fee;

/** Where a fee stands (R-FEE-2). */
public enum FeeStatus {
    /** Charged, not paid yet: the registration cannot be completed (R-DESK-6). */
    OPEN,
    /** Paid in cash at the desk. */
    PAID,
    /** Waived by a desk manager, with a reason. */
    WAIVED
}
