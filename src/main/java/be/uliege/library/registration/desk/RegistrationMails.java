package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccountWritten;
import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.Patrons;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The registration step's work after the commit (R-DESK-4, R-INT-2): the welcome mail in the
 * patron's language, sent once — the registration's row is locked and marked in the transaction
 * that sends it, so a retry after a failure sends it, and a retry after a success does not — and
 * the patron's history told when the directory confirmed the account.
 */
@Component
class RegistrationMails {

    static final ZoneId DESK_ZONE = ZoneId.of("Europe/Brussels");
    private static final Logger log = LoggerFactory.getLogger(RegistrationMails.class);

    private final RegistrationRepository registrations;
    private final PatronHistory history;
    private final Patrons patrons;
    private final LibraryMailer mailer;
    private final Clock clock;

    RegistrationMails(
            RegistrationRepository registrations,
            PatronHistory history,
            Patrons patrons,
            LibraryMailer mailer,
            Clock clock) {
        this.registrations = registrations;
        this.history = history;
        this.patrons = patrons;
        this.mailer = mailer;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PatronRegistered event) {
        var registration = registrations.lockById(event.registrationId()).orElse(null);
        if (registration == null || !registration.welcomeMailPending()) {
            return; // sent already, or the patron was deleted meanwhile
        }
        var recipient = patrons.mailRecipient(PatronId.of(event.patronId())).orElse(null);
        if (recipient == null) {
            registration.welcomeMailWithoutAddress();
            return;
        }
        // R-DESK-7: a renewal sends the renewal mail, never the welcome mail again.
        boolean renewal = registration.getKind() == Registration.Kind.RENEWAL;
        mailer.send(
                recipient.toMail(),
                renewal ? "renewal" : "welcome",
                recipient.identifier(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(registration.getExpirationDate()));
        registration.welcomeMailSent(clock.instant());
        if (renewal) {
            history.recordStep(PatronId.of(event.patronId()), "renewalMail", "sent");
        } else {
            history.recordStep(PatronId.of(event.patronId()), "welcomeMail", "sent");
        }
        log.info("{} mail of registration {} sent", renewal ? "Renewal" : "Welcome", event.registrationId());
    }

    /**
     * The mail of a registration step sent again at the desk's request (R-DESK-4, R-DESK-7): the
     * same mail as the first time — login and expiry, never a password — in the patron's language
     * now. The history was written with the request.
     */
    @ApplicationModuleListener
    void on(RegistrationMailResent event) {
        var registration = registrations.findById(event.registrationId()).orElse(null);
        var recipient = patrons.mailRecipient(PatronId.of(event.patronId())).orElse(null);
        if (registration == null || recipient == null) {
            return; // the patron or the address was removed meanwhile
        }
        boolean renewal = registration.getKind() == Registration.Kind.RENEWAL;
        mailer.send(
                recipient.toMail(),
                renewal ? "renewal" : "welcome",
                recipient.identifier(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(registration.getExpirationDate()));
        log.info("{} mail of registration {} sent again", renewal ? "Renewal" : "Welcome", event.registrationId());
    }

    @ApplicationModuleListener
    void on(PatronAccountWritten event) {
        history.recordStep(
                PatronId.of(event.patronId()),
                "directoryAccount",
                (event.created() ? "created " : "updated ") + event.uid() + ", expires " + event.expiration());
    }
}
