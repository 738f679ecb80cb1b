package be.uliege.library.registration.load;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.LoadReportLine.Outcome;
import be.uliege.library.registration.load.file.Position;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.LoadOutcome;
import be.uliege.library.registration.patron.LoadedPerson;
import be.uliege.library.registration.patron.PreparedPerson;
import be.uliege.library.registration.patron.UniversityPeople;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies one chunk of the file's rows in the chunk's transaction (R-SIS-1, R-SIS-5): each row,
 * mapped and prepared as it was read ({@link LoadRow}), is applied by the patron module, counted and, when it is not simply applied, reported with
 * its position and reason. The counts and the report lines commit with the rows they describe.
 */
class LoadWriter implements ItemWriter<LoadRow> {

    private final long run;
    private final LoadInstructions how;
    private final UniversityPeople people;
    private final LoadRuns runs;
    private final DeferredRows deferred;

    LoadWriter(long run, LoadInstructions how, UniversityPeople people, LoadRuns runs, DeferredRows deferred) {
        this.run = run;
        this.how = how;
        this.people = people;
        this.runs = runs;
        this.deferred = deferred;
    }

    @Override
    public void write(Chunk<? extends LoadRow> rows) {
        var tally = new Tally();
        var persons = new ArrayList<PreparedPerson>();
        var positions = new ArrayList<Position>();
        for (var row : rows) {
            tally.read++;
            switch (row) {
                case LoadRow.Person p -> {
                    persons.add(p.person());
                    positions.add(p.position());
                }
                case LoadRow.Aside aside -> {
                    if (aside.line().outcome() == Outcome.HELD_BACK) {
                        tally.heldBack++;
                    } else {
                        tally.rejected++;
                    }
                    tally.lines.add(aside.line());
                }
            }
        }
        var outcomes = SystemPrincipal.call(() -> people.applyPrepared(persons, how));
        for (int i = 0; i < outcomes.size(); i++) {
            tally.count(outcomes.get(i), persons.get(i).row(), positions.get(i), run, deferred);
        }
        runs.add(run, tally.counts());
        runs.report(run, tally.lines);
        stopIfAsked(run, runs);
    }

    /**
     * Ends the step after this chunk when an administrator asked the run to stop: Spring Batch
     * checks the flag before the next chunk and ends the step STOPPED, its reader's place that of
     * this chunk once it commits.
     */
    static void stopIfAsked(long run, LoadRuns runs) {
        if (runs.stopRequested(run)) {
            var context = StepSynchronizationManager.getContext();
            if (context != null) {
                context.getStepExecution().setTerminateOnly();
            }
        }
    }

    /** What a chunk did, counted and reported. */
    static final class Tally {
        long read;
        long created;
        long updated;
        long unchanged;
        long rejected;
        long duplicates;
        long heldBack;
        final List<LoadReportLine> lines = new ArrayList<>();

        void count(LoadOutcome outcome, LoadedPerson person, Position position, long run, DeferredRows deferred) {
            switch (outcome.result()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> {
                    rejected++;
                    for (var violation : outcome.reasons()) {
                        lines.add(new LoadReportLine(
                                Outcome.REJECTED,
                                position.file(),
                                position.element(),
                                position.line(),
                                person.primaryIdentifier(),
                                violation.field(),
                                violation.messageKey(),
                                violation.args().stream().map(String::valueOf).toList()));
                    }
                }
                case DUPLICATE -> {
                    duplicates++;
                    lines.add(new LoadReportLine(
                            Outcome.DUPLICATE,
                            position.file(),
                            position.element(),
                            position.line(),
                            person.primaryIdentifier(),
                            null,
                            "load.reason.duplicate",
                            List.of(
                                    person.universityKey(),
                                    String.valueOf(outcome.patron()),
                                    String.valueOf(outcome.other()))));
                }
                case DEFERRED -> deferred.put(run, position, person);
            }
        }

        LoadRun.Counts counts() {
            return new LoadRun.Counts(read, created, updated, unchanged, rejected, duplicates, heldBack);
        }
    }

    static LoadReportLine line(
            Outcome outcome,
            Position position,
            @org.jspecify.annotations.Nullable String primaryId,
            @org.jspecify.annotations.Nullable String field,
            be.uliege.library.registration.load.file.Reason reason) {
        return new LoadReportLine(
                outcome,
                position.file(),
                position.element(),
                position.line(),
                primaryId,
                field,
                reason.key(),
                reason.args());
    }
}
