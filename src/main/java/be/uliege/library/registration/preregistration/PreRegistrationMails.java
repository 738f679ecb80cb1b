package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The pre-registration's mails, sent after the commit from the event publication registry: if the
 * mail server is down, the event stays incomplete and is sent again later (R-INT-2). The
 * confirmation mail carries a fresh single-use token (only its hash is stored), the identifier and
 * what to bring to the desk (R-PRE-3, R-PRE-4).
 */
@Component
class PreRegistrationMails {

    private final PreRegistrationService registrations;
    private final PreRegistrationRepository repository;
    private final PatronService patrons;
    private final LibraryMailer mailer;
    private final PreRegistrationSettings settings;

    PreRegistrationMails(PreRegistrationService registrations, PreRegistrationRepository repository,
            PatronService patrons, LibraryMailer mailer, PreRegistrationSettings settings) {
        this.registrations = registrations;
        this.repository = repository;
        this.patrons = patrons;
        this.mailer = mailer;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(PreRegistrationSubmitted event) {
        var registration = repository.findById(event.preRegistrationId());
        if (registration.isEmpty() || registration.get().getStatus() != PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION) {
            return; // deleted or confirmed meanwhile: nothing to send
        }
        var recipient = patrons.mailRecipient(registration.get().getPatronId()).orElse(null);
        if (recipient == null) {
            return;
        }
        var token = registrations.issueToken(event.preRegistrationId());
        mailer.send(recipient.toMail(), "preregistration.confirm", recipient.identifier(),
                mailer.publicLink("/inscription/confirmation?token=" + token),
                settings.unconfirmedRetention().toDays());
    }

    @ApplicationModuleListener
    void on(PreRegistrationReminderDue event) {
        var registration = repository.findById(event.preRegistrationId()).orElse(null);
        if (registration == null) {
            return;
        }
        var recipient = patrons.mailRecipient(registration.getPatronId()).orElse(null);
        if (recipient != null) {
            mailer.send(recipient.toMail(), "preregistration.reminder", recipient.identifier(),
                    settings.unvalidatedRetention().minus(settings.reminderAfter()).toDays());
        }
    }

    /**
     * R-DESK-3: the person learns why the desk refused the pre-registration, then the record and
     * the entry are deleted — so that a retried event finds nothing and sends nothing twice.
     */
    @ApplicationModuleListener
    void on(PreRegistrationRejected event) {
        var registration = repository.findById(event.preRegistrationId()).orElse(null);
        if (registration == null || registration.getStatus() != PreRegistrationStatus.REJECTED) {
            return;
        }
        var recipient = patrons.mailRecipient(registration.getPatronId()).orElse(null);
        if (recipient != null) {
            mailer.send(recipient.toMail(), "preregistration.rejected", recipient.identifier(), event.reason());
        }
        patrons.deletePreRegistered(registration.getPatronId()); // the entry goes with it (foreign key cascade)
    }
}
