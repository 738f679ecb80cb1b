package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronService;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
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
        mailer.send(recipientOf(recipient), "preregistration.confirm", recipient.identifier(),
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
            mailer.send(recipientOf(recipient), "preregistration.reminder", recipient.identifier(),
                    settings.unvalidatedRetention().minus(settings.reminderAfter()).toDays());
        }
    }

    static LibraryMailer.Recipient recipientOf(PatronService.MailRecipient r) {
        return new LibraryMailer.Recipient(r.email(), locale(r.language()), salutation(r.gender()), r.lastName());
    }

    static LibraryMailer.Salutation salutation(@Nullable Gender gender) {
        return gender == Gender.F ? LibraryMailer.Salutation.MADAME
                : gender == Gender.M ? LibraryMailer.Salutation.MONSIEUR : LibraryMailer.Salutation.NEUTRAL;
    }

    static Locale locale(@Nullable Language language) {
        return language == null ? Locale.FRENCH : language.locale();
    }
}
