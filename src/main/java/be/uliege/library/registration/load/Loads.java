package be.uliege.library.registration.load;

import be.uliege.library.registration.base.Csv;
import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.patron.LoadInstructions;
import be.uliege.library.registration.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The loads screen's service, for user administrators (R-DESK-1, R-SIS-1…5): past runs with their
 * counts, the rows a run reported (also as CSV), "run now" on a waiting file or an uploaded one —
 * with a dry run that changes nothing —, stop and resume, and the schedule.
 */
@Service
public class Loads {

    /** The largest file an administrator may upload (the night's file arrives by the folder). */
    public static final long MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

    /** How long a run started from the screen waits for the lock, for two clicks at once. */
    private static final Duration RACE = Duration.ofSeconds(30);

    private static final String ADMIN = "hasRole('" + Roles.USER_ADMINISTRATOR + "')";

    private final LoadRuns runs;
    private final LoadLauncher launcher;
    private final NightlyLoad nightly;
    private final LoadSettings settings;
    private final CurrentStaff staff;
    private final Clock clock;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    Loads(
            LoadRuns runs,
            LoadLauncher launcher,
            NightlyLoad nightly,
            LoadSettings settings,
            CurrentStaff staff,
            Clock clock) {
        this.runs = runs;
        this.launcher = launcher;
        this.nightly = nightly;
        this.settings = settings;
        this.staff = staff;
        this.clock = clock;
    }

    /** The file refused or another load running: what the screen says. */
    public static class LoadRefusedException extends RuntimeException {
        private final String messageKey;

        LoadRefusedException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    @PreAuthorize(ADMIN)
    public List<LoadRun> runs(int limit) {
        return runs.latest(Math.min(Math.max(limit, 1), 500));
    }

    @PreAuthorize(ADMIN)
    public Optional<LoadRun> run(long id) {
        return runs.find(id);
    }

    @PreAuthorize(ADMIN)
    public List<LoadReportLine> report(long run, int offset, int limit) {
        return runs.lines(run, Math.max(offset, 0), Math.min(Math.max(limit, 1), 1000));
    }

    @PreAuthorize(ADMIN)
    public long reportSize(long run) {
        return runs.lineCount(run);
    }

    /** The files waiting in the load folder, by name. */
    @PreAuthorize(ADMIN)
    public List<String> waiting() {
        return nightly.waitingFiles().stream()
                .map(p -> p.getFileName().toString())
                .toList();
    }

    /** When the night's load runs next, in Brussels time. */
    @PreAuthorize(ADMIN)
    public Schedule schedule() {
        var next = CronExpression.parse(settings.cron())
                .next(LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Brussels"))));
        return new Schedule(
                settings.cron(), next, settings.mode(), settings.folder().toString());
    }

    /** The schedule as the screen shows it. */
    public record Schedule(String cron, @Nullable LocalDateTime next, LoadInstructions.Mode mode, String folder) {}

    /**
     * Loads a waiting file now, in the background; returns the run's id at once, whose counts the
     * screen follows. Only a name listed by {@link #waiting()} is taken (never a path).
     */
    @PreAuthorize(ADMIN)
    public long runWaiting(String fileName, LoadInstructions.Mode mode, boolean dryRun) {
        var file = nightly.waitingFiles().stream()
                .filter(p -> p.getFileName().toString().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new LoadRefusedException("loads.file-gone"));
        refuseIfBusy();
        return start(file, mode, dryRun, false);
    }

    /**
     * Loads an uploaded file now, in the background. Kept in {@code uploads/} under a name of its
     * own; a dry run's copy is deleted after the run, a real run's is filed away like the night's.
     */
    @PreAuthorize(ADMIN)
    public long runUploaded(String originalName, InputStream content, LoadInstructions.Mode mode, boolean dryRun) {
        var lower = originalName.toLowerCase(Locale.ROOT);
        var extension = lower.endsWith(".zip") ? ".zip" : lower.endsWith(".xml") ? ".xml" : null;
        if (extension == null) {
            throw new LoadRefusedException("loads.upload-type");
        }
        refuseIfBusy();
        var uploads = settings.folder().resolve("uploads");
        Path file;
        try {
            Files.createDirectories(uploads);
            file = uploads.resolve("upload-" + UUID.randomUUID() + extension);
            long copied;
            try (var out = Files.newOutputStream(file)) {
                copied = content.transferTo(out);
            }
            if (copied > MAX_UPLOAD_BYTES) {
                Files.deleteIfExists(file);
                throw new LoadRefusedException("loads.upload-too-large");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be kept", e);
        }
        return start(file, mode, dryRun, true);
    }

    private long start(Path file, LoadInstructions.Mode mode, boolean dryRun, boolean uploaded) {
        long run = launcher.prepare(file, mode, dryRun, staff.actor());
        background.execute(() -> SystemPrincipal.run(() -> {
            try {
                launcher.execute(run, file, mode, dryRun, RACE);
            } finally {
                if (uploaded && dryRun) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // The uploads folder is emptied by hand at worst; nothing else depends on it.
                    }
                }
            }
        }));
        return run;
    }

    /** Whether a file whose name starts so was ever loaded here (the embedded defaults load theirs once). */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    public boolean everLoaded(String fileNamePrefix) {
        return runs.anyFileStartingWith(fileNamePrefix);
    }

    /** The system loads a file now, in the background (the embedded defaults' first start). */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    public long loadInBackground(Path file, LoadInstructions.Mode mode) {
        return start(file, mode, false, false);
    }

    /** Asks a running load to stop after its current chunk: what was done stays done. */
    @PreAuthorize(ADMIN)
    public boolean stop(long run) {
        return runs.find(run).map(launcher::stop).orElse(false);
    }

    /** Goes on with a stopped or failed run from its last committed chunk, in the background. */
    @PreAuthorize(ADMIN)
    public void resume(long run) {
        var found = runs.find(run).orElseThrow(() -> new LoadRefusedException("loads.not-found"));
        refuseIfBusy();
        background.execute(() -> SystemPrincipal.run(() -> launcher.resume(found, RACE)));
    }

    /**
     * One load at a time (the cluster lock): the administrator is told at once that another load is
     * running rather than given a run that fails. Two administrators clicking together: the second
     * run waits {@link #RACE} for the lock, then fails with "busy", which the history shows.
     */
    private void refuseIfBusy() {
        if (launcher.busy()) {
            throw new LoadRefusedException("loads.busy");
        }
    }

    /**
     * The run's report as CSV (UTF-8 with a byte-order mark, for spreadsheets): position, primary
     * id, outcome, field and reason in the reader's language. A cell that a spreadsheet would read
     * as a formula is written as text.
     */
    @PreAuthorize(ADMIN)
    public void writeReportCsv(long run, Locale language, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            writer.write(csv(List.of(
                    Messages.text(language, "loads.csv.file"),
                    Messages.text(language, "loads.csv.element"),
                    Messages.text(language, "loads.csv.line"),
                    Messages.text(language, "loads.csv.identifier"),
                    Messages.text(language, "loads.csv.outcome"),
                    Messages.text(language, "loads.csv.field"),
                    Messages.text(language, "loads.csv.reason"))));
            runs.lines(run, line -> {
                try {
                    writer.write(csv(List.of(
                            line.file(),
                            String.valueOf(line.element()),
                            String.valueOf(line.line()),
                            line.primaryId() == null ? "" : line.primaryId(),
                            Messages.text(
                                    language, "loads.outcome." + line.outcome().name()),
                            line.field() == null ? "" : line.field(),
                            reason(language, line))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report line's reason in words. */
    public static String reason(Locale language, LoadReportLine line) {
        return Messages.text(language, line.reasonKey(), line.reasonArgs().toArray());
    }

    static String csv(List<String> cells) {
        return Csv.row(cells);
    }
}
