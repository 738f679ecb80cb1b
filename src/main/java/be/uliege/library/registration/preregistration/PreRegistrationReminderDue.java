package be.uliege.library.registration.preregistration;

/** A confirmed pre-registration has waited long for the desk; the person is reminded. */
public record PreRegistrationReminderDue(long preRegistrationId) {}
