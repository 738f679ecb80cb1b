package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.Patrons;
import be.uliege.library.registration.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's registration steps as the desk reads them on the record (R-DESK-4, R-DESK-7): each
 * first registration and renewal, when, by whom, at which site, the expiry it set and where its
 * mail stands; and the operator's explicit "send the mail again", written in the patron's history
 * (who, when, which mail). The mails say the login and the expiry, never a password (the password
 * is handed over on paper), so sending one again discloses nothing new.
 */
@Service
public class RegistrationRecords {

    private final RegistrationRepository registrations;
    private final Patrons patrons;
    private final PatronHistory history;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    RegistrationRecords(
            RegistrationRepository registrations,
            Patrons patrons,
            PatronHistory history,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc) {
        this.registrations = registrations;
        this.patrons = patrons;
        this.history = history;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * One registration step. {@code mail} is PENDING, SENT or NO_EMAIL; {@code mailFailures} counts
     * the tries the mail server refused while it is pending (retried by itself).
     */
    public record Step(
            long id,
            String kind,
            Instant registeredAt,
            String registeredBy,
            String site,
            LocalDate expirationDate,
            String mail,
            @Nullable Instant mailAt,
            int mailFailures) {

        /** Whether its mail may be sent again: it is not on its way already. */
        public boolean mayResend() {
            return !"PENDING".equals(mail);
        }
    }

    /** The patron's registration steps, the latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<Step> steps(long patronId) {
        return registrations.findByPatronIdOrderByRegisteredAtDescIdDesc(patronId).stream()
                .map(r -> new Step(
                        r.getId(),
                        r.getKind().name(),
                        r.getRegisteredAt(),
                        r.getRegisteredBy(),
                        r.getSite(),
                        r.getExpirationDate(),
                        r.getWelcomeMail().name(),
                        r.getWelcomeMailAt(),
                        r.welcomeMailPending() ? failures(r.getId()) : 0))
                .toList();
    }

    /**
     * Sends the step's mail again, on the operator's explicit request (R-DESK-4: the welcome mail
     * after a first registration; R-DESK-7: the renewal mail after a renewal), in the patron's
     * language, after the commit; the history says who asked, when, and which mail. Refused, in
     * words, while the mail is still on its way, or when the patron has no e-mail address. The
     * step's row is locked meanwhile: two requests at once take turns, each one mail.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void resendMail(long patronId, long registrationId) {
        var registration = registrations
                .lockById(registrationId)
                .filter(r -> r.getPatronId() == patronId)
                .orElseThrow(() -> new IllegalArgumentException("No registration " + registrationId));
        if (registration.welcomeMailPending()) {
            throw new PatronRuleException(Violation.of("mail", "mail.resend-pending"));
        }
        if (patrons.mailRecipient(PatronId.of(patronId)).isEmpty()) {
            throw new PatronRuleException(Violation.of("mail", "mail.resend-no-email"));
        }
        boolean renewal = registration.getKind() == Registration.Kind.RENEWAL;
        history.recordStep(
                PatronId.of(patronId),
                renewal ? "renewalMail" : "welcomeMail",
                "sent again at the desk's request (registration of "
                        + registration
                                .getRegisteredAt()
                                .atZone(RegistrationMails.DESK_ZONE)
                                .toLocalDate() + ")");
        events.publishEvent(new RegistrationMailResent(registrationId, patronId));
    }

    private int failures(long registrationId) {
        return jdbc
                .query(
                        "select STATUS, COMPLETION_ATTEMPTS from EVENT_PUBLICATION where EVENT_TYPE = ? "
                                + "and LISTENER_ID like ? and COMPLETION_DATE is null and SERIALIZED_EVENT like ?",
                        (row, n) -> row.getInt(2) + ("FAILED".equals(row.getString(1)) ? 1 : 0),
                        PatronRegistered.class.getName(),
                        RegistrationMails.class.getName() + "%",
                        "%\"registrationId\":" + registrationId + ",%")
                .stream()
                .findFirst()
                .orElse(0);
    }
}
