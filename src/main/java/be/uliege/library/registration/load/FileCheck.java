package be.uliege.library.registration.load;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.load.file.FileRefusedException;
import be.uliege.library.registration.load.file.LoadFile;
import be.uliege.library.registration.load.file.RawRow;
import be.uliege.library.registration.load.file.ReadLimits;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.patron.UniversityPeople;
import be.uliege.library.registration.patron.UniversityPeople.Fingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The load's first step (R-SIS-1, R-SIS-5): the whole file read once, refused whole at its first
 * problem before any record changes. An import stops there. A synchronization also recognises, as
 * it reads, the rows that are exactly the row last applied to their record: those only move their
 * record's "synchronized on" day (R-SIS-3); the others are kept, in their fixed form, for the people
 * step. All of it in one transaction of its own, committed only once the last byte of the file was
 * read: a file refused at its end leaves every record as it was, and an unchanged night reads the
 * file once and writes no record.
 */
@Component
class FileCheck {

    /** Rows recognised together: one query and one update for this many. */
    static final int ROWS_PER_BATCH = 1000;

    /** A batch is also settled once its rows' forms reach this many characters. */
    static final int CHARS_PER_BATCH = 4 * 1024 * 1024;

    private final ReadLimits limits;
    private final AlmaUserMapping mapping;
    private final UniversityPeople people;
    private final PendingRows pending;
    private final LoadRuns runs;
    private final TransactionTemplate ownTransaction;

    FileCheck(
            ReadLimits limits,
            AlmaUserMapping mapping,
            UniversityPeople people,
            PendingRows pending,
            LoadRuns runs,
            PlatformTransactionManager transactions) {
        this.limits = limits;
        this.mapping = mapping;
        this.people = people;
        this.pending = pending;
        this.runs = runs;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Checks the file for the run; {@link FileRefusedException} when it is refused, nothing having
     * changed. A check already committed for the run (the job restarted after a crash that came just
     * after it) is not done twice.
     */
    void check(long run, Path file, LoadInstructions how) {
        if (how.mode() == LoadInstructions.Mode.IMPORT) {
            runs.total(run, LoadFile.check(file, limits).users());
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            if (runs.find(run).map(r -> r.total() != null).orElse(false)) {
                return;
            }
            recognise(run, file, how);
        });
    }

    /**
     * Reads the file in a thread of its own, a batch at a time, while this one (the check's
     * transaction) recognises and keeps the batch before: reading and the database work side by
     * side. At most {@link #BATCHES_AHEAD} batches wait, so memory stays flat.
     */
    private void recognise(long run, Path file, LoadInstructions how) {
        var loadFile = LoadFile.open(file, limits);
        try (var batches = new ReadAhead<List<RawRow>>("load-check", BATCHES_AHEAD, sink -> read(loadFile, sink))) {
            var settled = new Settled(run, how);
            for (var rows = batches.take(); rows != null; rows = batches.take()) {
                settled.settle(rows);
            }
            runs.add(run, new LoadRun.Counts(settled.recognised, 0, 0, settled.recognised, 0, 0, 0));
            runs.total(run, settled.users);
        }
    }

    static final int BATCHES_AHEAD = 2;

    /** The file's rows in batches of {@link #ROWS_PER_BATCH} rows or {@link #CHARS_PER_BATCH} characters. */
    private static void read(LoadFile file, ReadAhead.Sink<List<RawRow>> sink) {
        try (file) {
            var rows = new ArrayList<RawRow>();
            long chars = 0;
            for (var reader = file.nextEntry(); reader.isPresent(); reader = file.nextEntry()) {
                for (var row = reader.get().nextRaw();
                        row.isPresent();
                        row = reader.get().nextRaw()) {
                    rows.add(row.get());
                    chars += row.get().xml() == null ? 0 : row.get().xml().length();
                    if (rows.size() >= ROWS_PER_BATCH || chars >= CHARS_PER_BATCH) {
                        if (!sink.put(rows)) {
                            return;
                        }
                        rows = new ArrayList<>();
                        chars = 0;
                    }
                }
            }
            sink.put(rows);
        }
    }

    /** What the check found so far. */
    private final class Settled {
        private final long run;
        private final LoadInstructions how;
        private long users;
        private long recognised;
        private long kept;

        Settled(long run, LoadInstructions how) {
            this.run = run;
            this.how = how;
        }

        /** Recognises what it can of the rows read, keeps the others for the people step. */
        void settle(List<RawRow> rows) {
            users += rows.size();
            if (rows.isEmpty()) {
                return;
            }
            var candidates = new ArrayList<Integer>();
            var fingerprints = new ArrayList<Fingerprint>();
            for (int i = 0; i < rows.size(); i++) {
                var row = rows.get(i);
                var digest = row.digest();
                if (digest != null && row.primaryId() != null) {
                    candidates.add(i);
                    fingerprints.add(new Fingerprint(row.primaryId(), mapping.rowKey(digest, how.day())));
                }
            }
            var same = fingerprints.isEmpty()
                    ? List.<Boolean>of()
                    : SystemPrincipal.call(() -> people.recognise(fingerprints, how));
            var known = new boolean[rows.size()];
            for (int i = 0; i < candidates.size(); i++) {
                known[candidates.get(i)] = same.get(i);
            }
            var toApply = new ArrayList<RawRow>();
            for (int i = 0; i < rows.size(); i++) {
                if (!known[i]) {
                    toApply.add(rows.get(i));
                }
            }
            int recognisedHere = rows.size() - toApply.size();
            recognised += recognisedHere;
            pending.put(run, kept + 1, toApply);
            kept += toApply.size();
        }
    }
}
