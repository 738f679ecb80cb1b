package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.patron.Patrons;
import java.time.Clock;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-PRE-4: deletes unconfirmed pre-registrations after 7 days and confirmed ones nobody validated
 * after 90 days (both configurable), with their inactive records; reminds at 60 days. Logs counts
 * only, never personal data.
 */
@Component
class PreRegistrationExpiry {

    private static final Logger log = LoggerFactory.getLogger(PreRegistrationExpiry.class);

    private final PreRegistrationRepository registrations;
    private final Patrons patrons;
    private final PreRegistrationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PreRegistrationExpiry(
            PreRegistrationRepository registrations,
            Patrons patrons,
            PreRegistrationSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.registrations = registrations;
        this.patrons = patrons;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** What one run did. */
    record Report(int unconfirmedDeleted, int unvalidatedDeleted, int reminded) {}

    /**
     * The hourly run, on one instance only (ShedLock): the others skip it. Held five minutes at
     * least, so that an instance whose clock is a little behind does not run it again.
     */
    @Scheduled(cron = "${preregistration.purge-cron:0 17 * * * *}")
    @SchedulerLock(name = "preregistration-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void scheduledRun() {
        run();
    }

    /** One run, in one transaction and without the lock (the schedule takes it): for tests and operators. */
    public Report run() {
        return Objects.requireNonNull(transactions.execute(status -> expire()));
    }

    private Report expire() {
        var now = clock.instant();
        int unconfirmed = 0;
        for (var r : registrations.findByStatusAndCreatedAtBefore(
                PreRegistrationStatus.AWAITING_EMAIL_CONFIRMATION, now.minus(settings.unconfirmedRetention()))) {
            delete(r);
            unconfirmed++;
        }
        int unvalidated = 0;
        for (var r : registrations.findByStatusAndConfirmedAtBefore(
                PreRegistrationStatus.CONFIRMED, now.minus(settings.unvalidatedRetention()))) {
            delete(r);
            unvalidated++;
        }
        int reminded = 0;
        for (var r : registrations.dueForReminder(now.minus(settings.reminderAfter()))) {
            r.markReminded(now);
            events.publishEvent(new PreRegistrationReminderDue(r.getId()));
            reminded++;
        }
        var report = new Report(unconfirmed, unvalidated, reminded);
        log.info(
                "Pre-registration expiry: {} unconfirmed deleted, {} unvalidated deleted, {} reminded",
                unconfirmed,
                unvalidated,
                reminded);
        return report;
    }

    private void delete(PreRegistration registration) {
        registrations.delete(registration);
        patrons.deletePreRegistered(registration.getPatronId());
    }
}
