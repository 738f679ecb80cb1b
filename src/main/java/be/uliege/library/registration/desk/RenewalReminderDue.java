package be.uliege.library.registration.desk;

import java.time.LocalDate;

/**
 * A registration expires soon (R-DESK-7): the patron is reminded once, by mail after the commit,
 * of what to bring to renew. Carries no personal data: the listener reads the address then.
 */
public record RenewalReminderDue(long patronId, LocalDate expiration) {}
