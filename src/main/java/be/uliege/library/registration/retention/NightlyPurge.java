package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.SystemPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly purge (R-RET-1), on one instance (the scheduler's cluster lock, then the purge's own
 * lock, which a purge started from the screen holds too).
 */
@Component
class NightlyPurge {

    private static final Logger log = LoggerFactory.getLogger(NightlyPurge.class);

    private final PurgeJob job;
    private final Clock clock;

    NightlyPurge(PurgeJob job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    @Scheduled(cron = "${registration.retention.cron:0 30 3 * * *}")
    @SchedulerLock(name = "patron-purge-schedule", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    void run() {
        try {
            job.execute(job.begin(LocalDate.now(clock), SystemPrincipal.NAME));
        } catch (RetentionRefusedException e) {
            log.warn("Nightly purge not run: another purge holds the lock");
        }
    }
}
