package be.uliege.library.registration.load;

import be.uliege.library.registration.load.LoadRun.Status;
import be.uliege.library.registration.patron.LoadInstructions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the load on one file, one run at a time across every instance (R-SIS-1; a ShedLock row,
 * {@value #LOCK}, docs/decisions/0006-cluster.md): the night's job and an administrator's "run now"
 * take the same lock. After the run, the file goes to {@code processed/} (completed) or
 * {@code failed/} (refused); a run that failed or was stopped leaves it where it is, to be resumed.
 */
@Component
class LoadLauncher {

    static final String LOCK = "university-load";

    private static final Logger log = LoggerFactory.getLogger(LoadLauncher.class);
    private static final Duration LOCK_AT_MOST = Duration.ofHours(6);
    private static final Duration LOCK_POLL = Duration.ofMillis(500);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final LoadRuns runs;
    private final LockProvider locks;
    private final LoadSettings settings;
    private final Clock clock;

    LoadLauncher(
            JobOperator operator,
            JobRepository repository,
            Job universityLoad,
            LoadRuns runs,
            LockProvider locks,
            LoadSettings settings,
            Clock clock) {
        this.operator = operator;
        this.repository = repository;
        this.job = universityLoad;
        this.runs = runs;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Thrown when another run holds the lock: one load at a time. */
    static class BusyException extends RuntimeException {
        BusyException() {
            super("Another load is running");
        }
    }

    /**
     * Creates the run and returns its id at once; {@link #execute} then does the work (the screen
     * runs it in the background and follows the run's counts).
     */
    long prepare(Path file, LoadInstructions.Mode mode, boolean dryRun, String by) {
        return runs.start(file.getFileName().toString(), mode, dryRun, by);
    }

    /** Whether another load holds the lock now (a hint for the screen; the lock itself decides). */
    boolean busy() {
        var lock = tryLock();
        lock.ifPresent(SimpleLock::unlock);
        return lock.isEmpty();
    }

    private Optional<SimpleLock> tryLock() {
        return locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
    }

    /** The lock, waiting at most so long for the load that holds it to end. */
    private Optional<SimpleLock> lock(Duration wait) {
        var until = clock.instant().plus(wait);
        var lock = tryLock();
        while (lock.isEmpty() && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(LOCK_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            lock = tryLock();
        }
        return lock;
    }

    /**
     * Loads the file under the cluster lock, then files it away; empty if another load still holds
     * the lock after {@code wait}.
     */
    Optional<LoadRun> execute(long run, Path file, LoadInstructions.Mode mode, boolean dryRun, Duration wait) {
        var lock = lock(wait);
        if (lock.isEmpty()) {
            runs.finish(run, Status.FAILED, "busy");
            return Optional.empty();
        }
        try {
            var parameters = new JobParametersBuilder()
                    .addLong(UniversityLoadJob.RUN, run)
                    .addString(UniversityLoadJob.FILE, file.toAbsolutePath().toString())
                    .addString(UniversityLoadJob.MODE, mode.name())
                    .addString(UniversityLoadJob.DRY_RUN, String.valueOf(dryRun))
                    .addString(UniversityLoadJob.DAY, LocalDate.now(clock).toString())
                    .toJobParameters();
            operator.start(job, parameters);
            var done = runs.find(run).orElseThrow();
            if (!dryRun) {
                fileAway(file, done.status());
            }
            return Optional.of(done);
        } catch (Exception e) {
            log.error("Load run {} could not run", run, e);
            runs.finish(run, Status.FAILED, e.getClass().getSimpleName());
            return runs.find(run);
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Goes on with a run that failed or was stopped, from its last committed chunk (Spring Batch's
     * restart); a run whose instance died while running is first marked failed (recover). Empty if
     * another load still holds the lock after {@code wait}.
     */
    Optional<LoadRun> resume(LoadRun listed, Duration wait) {
        var lock = lock(wait);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Read again under the lock: while this waited, the run may have ended or been stopped.
            var run = runs.find(listed.id()).orElseThrow();
            if (run.status() == Status.COMPLETED
                    || run.status() == Status.REFUSED
                    || (run.status() == Status.STOPPED && listed.status() != Status.STOPPED)) {
                return Optional.of(run);
            }
            if (run.stopRequested() && run.status() == Status.RUNNING) {
                // Its instance died after an administrator asked it to stop: stopped it stays.
                runs.finish(run.id(), Status.STOPPED, null);
                return runs.find(run.id());
            }
            var jobExecutionId = run.jobExecutionId();
            if (jobExecutionId == null) {
                runs.finish(run.id(), Status.FAILED, "never started");
                return runs.find(run.id());
            }
            var execution = repository.getJobExecution(jobExecutionId);
            if (execution == null) {
                return runs.find(run.id());
            }
            if (execution.isRunning()) {
                // Holding the lock, no instance is running it: the one that was died in the middle.
                execution = operator.recover(execution);
            }
            if (execution.getStatus() == BatchStatus.UNKNOWN) {
                // A fault while Spring Batch was writing a chunk's outcome: what is committed is
                // consistent (rows, counts and the reader's place share each chunk's transaction),
                // so the run is marked failed and goes on from its last committed chunk.
                for (var step : execution.getStepExecutions()) {
                    if (step.getStatus() == BatchStatus.UNKNOWN) {
                        step.setStatus(BatchStatus.FAILED);
                        repository.update(step);
                    }
                }
                execution.setStatus(BatchStatus.FAILED);
                repository.update(execution);
            }
            runs.clearStop(run.id());
            operator.restart(execution);
            var done = runs.find(run.id()).orElseThrow();
            var file = settings.folder().resolve(run.fileName());
            if (!run.dryRun() && Files.exists(file)) {
                fileAway(file, done.status());
            }
            return Optional.of(done);
        } catch (Exception e) {
            log.error("Load run {} could not be resumed", listed.id(), e);
            return runs.find(listed.id());
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Asks a running load to stop after its current chunk: what was done stays done. The request is
     * a flag on the run that the job reads after each chunk, whichever instance runs it; the step
     * then ends STOPPED with the reader's place of its last committed chunk. (Spring Batch's own
     * stop writes back a step context read from the database in the middle of the run, which a
     * resumption then took as the place reached: part of the file was read twice.)
     */
    boolean stop(LoadRun run) {
        // A run not started yet (no job) is stopped after its first chunk.
        return run.status() == Status.RUNNING && runs.requestStop(run.id());
    }

    private void fileAway(Path file, Status status) {
        Path target;
        if (status == Status.COMPLETED) {
            target = settings.processed();
        } else if (status == Status.REFUSED) {
            target = settings.failed();
        } else {
            return;
        }
        try {
            Files.createDirectories(target);
            var stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
            Files.move(file, target.resolve(stamp + "-" + file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The load's file could not be filed away", e);
        }
    }
}
