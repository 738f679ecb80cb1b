package be.uliege.library.registration.load;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.file.FileRefusedException;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.LoadOutcome;
import be.uliege.library.registration.patron.PersonPreparation;
import be.uliege.library.registration.patron.UniversityPeople;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly load as a Spring Batch job (R-SIS-1, docs/decisions/0013-nightly-load.md), in three
 * steps:
 *
 * <ol>
 *   <li>{@code check}: the whole file read once; a file that is not well-formed, declares a DTD,
 *       has a wrong encoding or a zip with something else in it is refused whole, before anything
 *       changes; a synchronization recognises there the rows that did not change and keeps the
 *       others for the next step ({@link FileCheck});
 *   <li>{@code people}: the rows (of the file for an import, the ones kept by the check for a
 *       synchronization) in chunks, each chunk one transaction with its counts and report
 *       lines; the reader's place is saved with each chunk, so a restart after a crash goes on from
 *       the last committed chunk and applies each row once;
 *   <li>{@code deferred}: the rows put aside until the whole file was read (the same person twice).
 * </ol>
 *
 * @see "docs/decisions/0013-nightly-load.md"
 */
@Configuration(proxyBeanMethods = false)
class UniversityLoadJob {

    static final String JOB = "universityLoad";
    static final String RUN = "run";
    static final String FILE = "file";
    static final String MODE = "mode";
    static final String DRY_RUN = "dryRun";
    static final String DAY = "day";
    static final ExitStatus REFUSED = new ExitStatus("REFUSED");
    static final int DEFERRED_PER_TRANSACTION = 200;

    @Bean
    Job universityLoad(
            JobRepository repository,
            Step loadCheck,
            Step loadPeople,
            Step loadDeferred,
            LoadRuns runs,
            PendingRows pending) {
        return new JobBuilder(JOB, repository)
                .start(loadCheck)
                .on(REFUSED.getExitCode())
                .end()
                .from(loadCheck)
                .on("*")
                .to(loadPeople)
                .next(loadDeferred)
                .end()
                .listener(new RunListener(runs, pending))
                .build();
    }

    @Bean
    Step loadCheck(
            JobRepository repository,
            PlatformTransactionManager transactions,
            LoadRuns runs,
            FileCheck check,
            LoadSettings settings) {
        return new StepBuilder("check", repository)
                .tasklet(
                        (contribution, context) -> {
                            var parameters =
                                    context.getStepContext().getStepExecution().getJobParameters();
                            long run = parameters.getLong(RUN);
                            var file = Path.of(parameters.getString(FILE));
                            try {
                                check.check(run, file, instructions(parameters, settings));
                            } catch (FileRefusedException e) {
                                runs.refuse(run, e);
                                contribution.setExitStatus(REFUSED);
                            }
                            return RepeatStatus.FINISHED;
                        },
                        transactions)
                .build();
    }

    @Bean
    Step loadPeople(
            JobRepository repository,
            PlatformTransactionManager transactions,
            UserRowReader loadReader,
            LoadWriter loadWriter,
            LoadSettings settings) {
        return new StepBuilder("people", repository)
                .<LoadRow, LoadRow>chunk(settings.chunkSize())
                .reader(loadReader)
                .writer(loadWriter)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    @StepScope
    UserRowReader loadReader(
            @Value("#{jobParameters['file']}") String file,
            @Value("#{jobParameters['run']}") Long run,
            @Value("#{jobParameters['mode']}") String mode,
            @Value("#{jobParameters['day']}") String day,
            ReadLimits limits,
            PendingRows pending,
            AlmaUserMapping mapping,
            PersonPreparation people) {
        var preparation = new LoadRow.Preparation(mapping, people, LocalDate.parse(day));
        // A synchronization's check kept the rows it did not recognise (FileCheck): those are read.
        return LoadInstructions.Mode.valueOf(mode) == LoadInstructions.Mode.SYNCHRONIZE
                ? UserRowReader.kept(run, pending, limits, preparation)
                : UserRowReader.file(Path.of(file), limits, preparation);
    }

    @Bean
    @StepScope
    LoadWriter loadWriter(
            @Value("#{jobParameters['run']}") Long run,
            @Value("#{stepExecution.jobParameters}") JobParameters parameters,
            UniversityPeople people,
            LoadRuns runs,
            DeferredRows deferred,
            LoadSettings settings) {
        return new LoadWriter(run, instructions(parameters, settings), people, runs, deferred);
    }

    /**
     * The rows put aside, decided one by one once the file is read: ignored if another row of the
     * run synchronized the person, applied otherwise. A few hundred rows per transaction, each row
     * deleted from the waiting list with its count, so that a restart decides each row once.
     */
    @Bean
    Step loadDeferred(
            JobRepository repository,
            PlatformTransactionManager transactions,
            DeferredRows deferred,
            UniversityPeople people,
            LoadRuns runs,
            LoadSettings settings) {
        return new StepBuilder("deferred", repository)
                .tasklet(
                        (contribution, context) -> {
                            var parameters =
                                    context.getStepContext().getStepExecution().getJobParameters();
                            long run = parameters.getLong(RUN);
                            var how = instructions(parameters, settings);
                            var waiting = deferred.next(run, DEFERRED_PER_TRANSACTION);
                            if (waiting.isEmpty()) {
                                return RepeatStatus.FINISHED;
                            }
                            var tally = new LoadWriter.Tally();
                            for (var row : waiting) {
                                // In order, each seeing what the ones before it did.
                                LoadOutcome outcome =
                                        SystemPrincipal.call(() -> people.applyDeferred(row.person(), how));
                                tally.count(outcome, row.person(), row.position(), run, deferred);
                            }
                            // Counted once, in the main step, when they were read.
                            runs.add(run, tally.counts());
                            runs.report(run, tally.lines);
                            deferred.done(waiting.stream()
                                    .map(DeferredRows.Waiting::id)
                                    .toList());
                            LoadWriter.stopIfAsked(run, runs);
                            return RepeatStatus.CONTINUABLE;
                        },
                        transactions)
                .build();
    }

    static LoadInstructions instructions(JobParameters parameters, LoadSettings settings) {
        return new LoadInstructions(
                LoadInstructions.Mode.valueOf(parameters.getString(MODE)),
                settings.matchPoint(),
                parameters.getLong(RUN),
                LocalDate.parse(parameters.getString(DAY)),
                settings.kindPriority(),
                Boolean.parseBoolean(parameters.getString(DRY_RUN)));
    }

    @Bean
    ReadLimits loadReadLimits() {
        return ReadLimits.DEFAULTS;
    }
}
