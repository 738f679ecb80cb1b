package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.Patrons;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final Patrons patrons;
    private final LibraryMailer mailer;
    private final PreRegistrationSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PreRegistrationMails(
            PreRegistrationService registrations,
            PreRegistrationRepository repository,
            Patrons patrons,
            LibraryMailer mailer,
            PreRegistrationSettings settings,
            JdbcTemplate jdbc,
            Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registrations = registrations;
        this.repository = repository;
        this.patrons = patrons;
        this.mailer = mailer;
        this.settings = settings;
    }

    /**
     * The confirmation mail, once per submission (R-PRE-4, R-INT-2): its link is stored and
     * committed first; then the entry's row is locked, and the mail is sent and marked in that
     * transaction. A retry after the mark committed (the event's completion was lost, or the same
     * event runs on two instances) finds it marked and sends nothing; a retry after the mark was lost
     * sends a new link, and the earlier link, already stored, still works.
     */
    @ApplicationModuleListener
    void on(PreRegistrationSubmitted event) {
        if (!awaitingMail(event.preRegistrationId(), "confirmation_mail_at", false)) {
            return; // sent, confirmed or deleted already
        }
        var recipient = recipientOf(event.preRegistrationId());
        if (recipient == null) {
            return;
        }
        var token = registrations.issueToken(event.preRegistrationId());
        if (!awaitingMail(event.preRegistrationId(), "confirmation_mail_at", true)) {
            return; // another delivery of this event sent it meanwhile; the unused link expires
        }
        mailer.send(
                recipient.toMail(),
                "preregistration.confirm",
                recipient.identifier(),
                mailer.publicLink("/inscription/confirmation?token=" + token),
                settings.unconfirmedRetention().toDays());
        markSent(event.preRegistrationId(), "confirmation_mail_at");
    }

    /** The reminder before an unvalidated entry is deleted, once, guarded like the confirmation mail. */
    @ApplicationModuleListener
    void on(PreRegistrationReminderDue event) {
        if (!awaitingMail(event.preRegistrationId(), "reminder_mail_at", true)) {
            return;
        }
        var recipient = recipientOf(event.preRegistrationId());
        if (recipient != null) {
            mailer.send(
                    recipient.toMail(),
                    "preregistration.reminder",
                    recipient.identifier(),
                    settings.unvalidatedRetention()
                            .minus(settings.reminderAfter())
                            .toDays());
        }
        markSent(event.preRegistrationId(), "reminder_mail_at");
    }

    /**
     * True when the entry exists and the mail of this column is not marked sent; the confirmation
     * mail also needs the entry to await its confirmation. With {@code lock}, the entry's row stays
     * locked until the listener's transaction ends.
     */
    private boolean awaitingMail(long preRegistrationId, String sentColumn, boolean lock) {
        var state = jdbc.query(
                "select status, " + sentColumn + " is null from pre_registration where id = ?"
                        + (lock ? " for update" : ""),
                (row, n) -> new Object[] {row.getString(1), row.getBoolean(2)},
                preRegistrationId);
        if (state.isEmpty() || !(Boolean) state.getFirst()[1]) {
            return false;
        }
        return !sentColumn.equals("confirmation_mail_at")
                || PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION.name().equals(state.getFirst()[0]);
    }

    private void markSent(long preRegistrationId, String sentColumn) {
        jdbc.update(
                "update pre_registration set " + sentColumn + " = ? where id = ?",
                Timestamp.from(clock.instant()),
                preRegistrationId);
    }

    private Patrons.@Nullable MailRecipient recipientOf(long preRegistrationId) {
        return repository
                .findById(preRegistrationId)
                .flatMap(registration -> patrons.mailRecipient(PatronId.of(registration.getPatronId())))
                .orElse(null);
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
        var recipient =
                patrons.mailRecipient(PatronId.of(registration.getPatronId())).orElse(null);
        if (recipient != null) {
            mailer.send(recipient.toMail(), "preregistration.rejected", recipient.identifier(), event.reason());
        }
        patrons.deletePreRegistered(registration.getPatronId()); // the entry goes with it (foreign key cascade)
    }
}
