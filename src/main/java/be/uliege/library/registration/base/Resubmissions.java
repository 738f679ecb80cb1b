package be.uliege.library.registration.base;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * "Retry now" for work sent from committed events (issue 15, R-INT-2): resubmits at once the
 * failed publications of the events a caller names, instead of waiting for {@link EventRetry}'s
 * next round. Safe with several instances on one database: it takes the same ShedLock lock as
 * the scheduled resubmission ({@value #LOCK}, a row of {@code shedlock}), so that no two instances
 * — nor an instance's job and a person's click — resubmit at the same moment; and it resubmits
 * only publications whose last try {@linkplain EventPublication.Status#FAILED failed}, never one
 * that is being processed or was resubmitted already. Each listener stays idempotent in its own
 * right (a welcome mail's registration row is locked and marked when it is sent), so a mail is
 * never sent twice. No state in the JVM.
 *
 * <p>Not a service: the feature that owns the work authorises the person and names the events.
 */
@Component
public class Resubmissions {

    /** The lock {@link EventRetry#resubmit()} takes. */
    static final String LOCK = "events-resubmit";

    private static final int TRIES = 10;
    private static final Duration PAUSE = Duration.ofMillis(300);

    private final IncompleteEventPublications incomplete;
    private final LockProvider locks;

    Resubmissions(IncompleteEventPublications incomplete, LockProvider locks) {
        this.incomplete = incomplete;
        this.locks = locks;
    }

    /** What a "retry now" did. */
    public enum Outcome {
        /** The failed work was handed to its listener again; it completes in a moment. */
        RESUBMITTED,
        /** Nothing of it had failed: done meanwhile, or being tried right now. */
        NOTHING_FAILED,
        /** Another instance was resubmitting for the whole wait: to be tried again in a moment. */
        BUSY
    }

    /**
     * Resubmits the failed publications whose event passes the test, under the cluster lock.
     *
     * @return whether anything was resubmitted, or the lock could not be had
     */
    public Outcome resubmitFailed(Predicate<Object> event) {
        for (int i = 0; i < TRIES; i++) {
            var lock =
                    locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(5), Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    var found = new AtomicInteger();
                    incomplete.resubmitIncompletePublications(publication -> {
                        boolean chosen = publication.getStatus() == EventPublication.Status.FAILED
                                && event.test(publication.getEvent());
                        if (chosen) {
                            found.incrementAndGet();
                        }
                        return chosen;
                    });
                    return found.get() > 0 ? Outcome.RESUBMITTED : Outcome.NOTHING_FAILED;
                } finally {
                    lock.get().unlock();
                }
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.BUSY;
            }
        }
        return Outcome.BUSY;
    }
}
