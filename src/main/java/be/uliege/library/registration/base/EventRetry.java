package be.uliege.library.registration.base;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the events whose listener failed (a mail server or a directory that was down), so
 * that the pending step completes by itself when the server is back (R-INT-2); and forgets the
 * completed ones after a while, so that the registry does not grow with every registration. Each
 * job runs on one instance at a time (ShedLock); a nightly one holds its lock a few minutes more, so
 * that an instance whose clock is a little late does not run it again.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration delay;
    private final Duration keepCompleted;

    EventRetry(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            @Value("${registration.events.retry-delay:PT1M}") Duration delay,
            @Value("${registration.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.delay = delay;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(
            fixedDelayString = "${registration.events.retry-delay:PT1M}",
            initialDelayString = "${registration.events.retry-initial-delay:PT30S}")
    // No minimum hold: each instance runs this at its own pace, and the registry claims what it
    // resubmits; the lock only keeps two instances from resubmitting at the same moment.
    @SchedulerLock(name = "events-resubmit", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0S")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(delay);
    }

    /** Completed events are only a trace of what was done: kept a week by default, then deleted. */
    @Scheduled(cron = "${registration.events.prune-cron:0 15 3 * * *}")
    @SchedulerLock(name = "events-prune", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void pruneCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
        log.info("Completed events older than {} deleted", keepCompleted);
    }
}
