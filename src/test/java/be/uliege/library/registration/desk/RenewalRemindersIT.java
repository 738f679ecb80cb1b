package be.uliege.library.registration.desk;

import static be.uliege.library.registration.desk.DeskFixtures.await;
import static be.uliege.library.registration.desk.DeskFixtures.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.LibraryDay;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.preregistration.PreRegistrationService;
import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-DESK-7 (issue 15): a registration that expires within 30 days is reminded once, by mail, of
 * what to bring to renew; not one that expires later, nor one already expired; never twice for one
 * expiration date, however often the job runs.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class RenewalRemindersIT {

    static final Duration AFTER_COMMIT = Duration.ofSeconds(20);

    @Autowired
    RenewalReminders reminders;

    @Autowired
    RegistrationStep step;

    @Autowired
    PreRegistrationService registrations;

    @Autowired
    DeskValidation validation;

    @Autowired
    PatronService patrons;

    @Autowired
    PatronHistory history;

    @Autowired
    Fees fees;

    @Autowired
    JdbcTemplate jdbc;

    /** A registered patron whose registration expires on the given day. */
    private DeskFixtures.Entry registeredUntil(String last, LocalDate expiration) {
        var id = DeskFixtures.readyForRegistration(registrations, jdbc, validation, patrons, fees, "Mei", last);
        step.register(id, patrons.details(id).version(), "ALP");
        jdbc.update("update patron set expiration_date = ? where id = ?", Date.valueOf(expiration), id);
        var identifier = patrons.details(id).primaryIdentifier();
        var email = jdbc.queryForObject(
                "select item_value from contact_item where patron_id = ? and kind = 'EMAIL'", String.class, id);
        return new DeskFixtures.Entry(-1, id, identifier, email);
    }

    private int remindersOf(long patronId) {
        return jdbc.queryForObject(
                "select count(*) from renewal_reminder where patron_id = ?", Integer.class, patronId);
    }

    @Test
    @DisplayName("R-DESK-7: reminded once within 30 days of the expiry; not later ones, not expired ones")
    void rDesk7_remindedOnceBeforeTheExpiry() throws Exception {
        var today = LibraryDay.today();
        var soon = registeredUntil("Rappel-Bientôt", today.plusDays(12));
        var later = registeredUntil("Rappel-Plus-Tard", today.plusDays(60));
        var expired = registeredUntil("Rappel-Expiré", today.minusDays(1));

        assertThat(SystemPrincipal.call(reminders::run)).isGreaterThanOrEqualTo(1);
        assertThat(remindersOf(soon.patronId())).isEqualTo(1);
        assertThat(remindersOf(later.patronId())).isZero();
        assertThat(remindersOf(expired.patronId())).isZero();
        await(
                "the reminder",
                AFTER_COMMIT,
                () -> !mailsTo(soon.email(), "expire bientôt").isEmpty());

        // The next night, or another instance: no second reminder for the same expiration date.
        SystemPrincipal.call(reminders::run);
        assertThat(remindersOf(soon.patronId())).isEqualTo(1);
        await(
                "the reminder in the history",
                AFTER_COMMIT,
                () -> history.lines(soon.patronId()).stream()
                        .anyMatch(l -> l.field().equals("renewalReminder")));
        assertThat(mailsTo(soon.email(), "expire bientôt")).hasSize(1);
        var body =
                mailsTo(soon.email(), "expire bientôt").getFirst().getContent().toString();
        assertThat(history.lines(soon.patronId()))
                .extracting(HistoryLine::field)
                .containsOnlyOnce("renewalReminder");
        assertThat(body)
                .contains(soon.identifier())
                .contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today.plusDays(12)))
                .contains("pièce d’identité");
    }
}
