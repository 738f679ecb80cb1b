package be.uliege.library.registration.retention;

import be.uliege.library.registration.fee.ErasedFees;
import be.uliege.library.registration.patron.PatronErasure;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronsErased;
import be.uliege.library.registration.patron.PatronsErased.Erased;
import be.uliege.library.registration.retention.PurgeRun.Kind;
import be.uliege.library.registration.retention.PurgeRun.Outcome;
import be.uliege.library.registration.retention.PurgeRun.Skipped;
import be.uliege.library.registration.retention.PurgeRun.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purge (R-RET-1), one run at a time across every instance (the cluster lock {@value #LOCK}):
 * the records past their purge date are taken in id order, a batch at a time, each batch one
 * transaction that locks its records, skips and lists those held or owing a fee, and erases the
 * others with everything that is theirs ({@link PatronErasure}). A stop asked for is seen between
 * two batches: what was done stays done, the rest waits for the next run. The counts commit with
 * the erasures they count, so the screen follows a run as it goes.
 *
 * @see "docs/decisions/0014-retention-and-export.md"
 */
@Component
class PurgeJob {

    static final String LOCK = "patron-purge";
    private static final Duration LOCK_AT_MOST = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final LockProvider locks;
    private final PurgeRuns runs;
    private final PatronErasure erasure;
    private final ErasedFees fees;
    private final RetentionHolds holds;
    private final RetentionSettings settings;
    private final CompletedEventPublications completed;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PurgeJob(
            LockProvider locks,
            PurgeRuns runs,
            PatronErasure erasure,
            ErasedFees fees,
            RetentionHolds holds,
            RetentionSettings settings,
            CompletedEventPublications completed,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.locks = locks;
        this.runs = runs;
        this.erasure = erasure;
        this.fees = fees;
        this.holds = holds;
        this.settings = settings;
        this.completed = completed;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A run started: its id, and the cluster lock it holds until {@link #execute} ends. */
    record Started(long run, LocalDate purgeBefore, SimpleLock lock) {}

    /**
     * Takes the lock and records the run; refused when another purge (or an erasure) holds the lock.
     * A run left RUNNING by an instance that ended is marked failed first: nobody else holds the lock.
     */
    Started begin(LocalDate purgeBefore, String by) {
        var lock = lock().orElseThrow(() -> new RetentionRefusedException("retention.purge.running"));
        try {
            runs.failAbandoned();
            int due = erasure.countDue(purgeBefore).values().stream()
                    .mapToInt(Long::intValue)
                    .sum();
            long run = runs.start(Kind.PURGE, purgeBefore, by, due, null);
            return new Started(run, purgeBefore, lock);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    java.util.Optional<SimpleLock> lock() {
        return locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
    }

    /** Runs the purge to its end or its stop, then lets the lock go. */
    PurgeRun execute(Started started) {
        long run = started.run();
        try {
            long after = 0;
            while (true) {
                if (runs.stopRequested(run)) {
                    runs.finish(run, Status.STOPPED, null);
                    log.info("Purge run {} stopped by an administrator", run);
                    break;
                }
                var batch = erasure.due(started.purgeBefore(), after, settings.batchSize());
                if (batch.isEmpty()) {
                    runs.finish(run, Status.COMPLETED, null);
                    break;
                }
                after = batch.getLast().id();
                var ids = batch.stream().map(PatronErasure.Due::id).toList();
                transactions.executeWithoutResult(s -> purge(run, started.purgeBefore(), ids));
            }
            forgetCompletedEvents();
        } catch (RuntimeException e) {
            runs.finish(run, Status.FAILED, "failed: " + e.getClass().getSimpleName());
            log.error("Purge run {} failed; what it erased stays erased, the rest waits", run, e);
        } finally {
            started.lock().unlock();
        }
        var done = runs.find(run).orElseThrow();
        log.info(
                "Purge run {}: {}, {} erased {}, {} kept for an open fee, {} held",
                run,
                done.status(),
                done.purged(),
                done.purgedByKind(),
                done.skippedFee(),
                done.skippedHold());
        return done;
    }

    /** One batch, in the caller's transaction: decided and erased, with its counts. */
    private void purge(long run, LocalDate purgeBefore, List<Long> ids) {
        var locked = erasure.lockDue(ids, purgeBefore);
        var lockedIds = locked.stream().map(Erased::id).toList();
        var held = holds.heldAmong(lockedIds);
        var owing = fees.owing(lockedIds);
        var skipped = new ArrayList<Skipped>();
        var erase = new ArrayList<Erased>();
        var byKind = new EnumMap<PatronKind, Integer>(PatronKind.class);
        int skippedFee = 0;
        int skippedHold = 0;
        for (var patron : locked) {
            if (held.contains(patron.id())) {
                skipped.add(new Skipped(patron.id(), patron.primaryIdentifier(), Outcome.SKIPPED_HOLD, null));
                skippedHold++;
            } else if (owing.contains(patron.id())) {
                skipped.add(new Skipped(patron.id(), patron.primaryIdentifier(), Outcome.SKIPPED_FEE, null));
                skippedFee++;
            } else {
                erase.add(patron);
                byKind.merge(patron.kind(), 1, Integer::sum);
            }
        }
        erasure.erase(erase, run);
        runs.skipped(run, skipped);
        runs.add(run, byKind, skippedFee, skippedHold);
    }

    /**
     * An erasure at the person's request (R-RET-2), through the same path as the purge, under the
     * same lock: refused while a fee is open or a hold stands; recorded as a run of its own.
     */
    PurgeRun eraseOnRequest(long patronId, String by, @Nullable String note) {
        var lock = lock().orElseThrow(() -> new RetentionRefusedException("retention.purge.running"));
        try {
            var today = LocalDate.now(clock);
            long run = transactions.execute(s -> {
                var patron = erasure.lockForErasure(patronId);
                if (!holds.heldAmong(List.of(patronId)).isEmpty()) {
                    throw new RetentionRefusedException("retention.erase.held", patron.primaryIdentifier());
                }
                if (!fees.owing(List.of(patronId)).isEmpty()) {
                    throw new RetentionRefusedException("retention.erase.fee", patron.primaryIdentifier());
                }
                long id = runs.start(Kind.ERASURE, today, by, 1, note);
                erasure.erase(List.of(patron), id);
                var byKind = new EnumMap<PatronKind, Integer>(PatronKind.class);
                byKind.put(patron.kind(), 1);
                runs.add(id, byKind, 0, 0);
                runs.finish(id, Status.COMPLETED, null);
                return id;
            });
            log.info("Patron erased at their request (run {})", run);
            return runs.find(run).orElseThrow();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The records of side effects carried out long ago (mails sent, directory entries written, with
     * the names and addresses they carried) go too: what is still to be done stays.
     */
    private void forgetCompletedEvents() {
        completed.deletePublicationsOlderThan(settings.completedEvents());
    }

    /** An erased patron's lines in earlier reports go with them. */
    @EventListener
    void on(PatronsErased erased) {
        runs.forget(erased.ids());
    }
}
