package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccountWritten;
import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.Patrons;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final Logger log = LoggerFactory.getLogger(RegistrationMails.class);

    private final JdbcTemplate jdbc;
    private final PatronHistory history;
    private final Patrons patrons;
    private final LibraryMailer mailer;
    private final Clock clock;

    RegistrationMails(JdbcTemplate jdbc, PatronHistory history, Patrons patrons, LibraryMailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.patrons = patrons;
        this.mailer = mailer;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PatronRegistered event) {
        var state = jdbc.query(
                "select welcome_mail, expiration_date from registration where id = ? for update",
                (row, n) -> new Object[] {row.getString(1), row.getObject(2, LocalDate.class)},
                event.registrationId());
        if (state.isEmpty() || !"PENDING".equals(state.getFirst()[0])) {
            return; // sent already, or the patron was deleted meanwhile
        }
        var recipient = patrons.mailRecipient(event.patronId()).orElse(null);
        if (recipient == null) {
            jdbc.update("update registration set welcome_mail = 'NO_EMAIL' where id = ?", event.registrationId());
            return;
        }
        var expiration = (LocalDate) state.getFirst()[1];
        mailer.send(
                recipient.toMail(),
                "welcome",
                recipient.identifier(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(expiration));
        jdbc.update(
                "update registration set welcome_mail = 'SENT', welcome_mail_at = ? where id = ?",
                Timestamp.from(clock.instant()),
                event.registrationId());
        history.recordStep(event.patronId(), "welcomeMail", "sent");
        log.info("Welcome mail of registration {} sent", event.registrationId());
    }

    @ApplicationModuleListener
    void on(PatronAccountWritten event) {
        history.recordStep(
                event.patronId(),
                "directoryAccount",
                (event.created() ? "created " : "updated ") + event.uid() + ", expires " + event.expiration());
    }
}
