package be.uliege.library.registration.desk;

import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.Patrons;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-DESK-7: a B patron whose registration expires within the configured days (30 by default) is
 * reminded once, by mail, of what to bring to the desk to renew. Every night, on one instance (the
 * cluster lock); once per expiration date, whatever the number of instances and runs (the
 * reminder's row is the proof, inserted only once); the mail after the commit, retried from the
 * event registry. Logs counts only.
 */
@Component
class RenewalReminders {

    private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

    private final PatronLookup lookup;
    private final Patrons patrons;
    private final PatronHistory history;
    private final LibraryMailer mailer;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int days;

    RenewalReminders(
            PatronLookup lookup,
            Patrons patrons,
            PatronHistory history,
            LibraryMailer mailer,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${registration.renewal.reminder-days:30}") int days) {
        this.lookup = lookup;
        this.patrons = patrons;
        this.history = history;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${registration.renewal.reminder-cron:0 30 6 * * *}")
    @SchedulerLock(name = "renewal-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void nightly() {
        run();
    }

    /** One run, in one transaction, without the lock (the schedule takes it): how many were reminded. */
    int run() {
        return Objects.requireNonNull(transactions.execute(status -> remind()));
    }

    private int remind() {
        var today = LocalDate.now(clock);
        int reminded = 0;
        for (var expiring : lookup.expiringBetween(PatronKind.B, today, today.plusDays(days))) {
            int inserted = jdbc.update(
                    "insert ignore into renewal_reminder (patron_id, expiration_date, asked_at) values (?, ?, ?)",
                    expiring.patron().value(),
                    Date.valueOf(expiring.expiration()),
                    Timestamp.from(clock.instant()));
            if (inserted == 1) {
                events.publishEvent(new RenewalReminderDue(expiring.patron().value(), expiring.expiration()));
                reminded++;
            }
        }
        log.info("Renewal reminders asked for: {}", reminded);
        return reminded;
    }

    @ApplicationModuleListener
    void on(RenewalReminderDue event) {
        var recipient = patrons.mailRecipient(PatronId.of(event.patronId())).orElse(null);
        if (recipient == null) {
            return; // no address: the desk sees the expiry in its lists
        }
        mailer.send(
                recipient.toMail(),
                "renewalReminder",
                recipient.identifier(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(event.expiration()));
        history.recordStep(PatronId.of(event.patronId()), "renewalReminder", "sent, expires " + event.expiration());
    }
}
