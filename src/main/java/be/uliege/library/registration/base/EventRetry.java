package be.uliege.library.registration.base;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the events whose listener failed (a mail server or a directory that was down), so
 * that the pending step completes by itself when the server is back (R-INT-2).
 */
@Component
class EventRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration delay;

    EventRetry(IncompleteEventPublications incomplete, @Value("${registration.events.retry-delay:PT1M}") Duration delay) {
        this.incomplete = incomplete;
        this.delay = delay;
    }

    @Scheduled(fixedDelayString = "${registration.events.retry-delay:PT1M}", initialDelayString = "PT30S")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(delay);
    }
}
