package be.uliege.library.registration.export;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.security.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The exports for user administrators (R-INT-3): past runs with their files, an export now (full
 * or delta) in the background, a file downloaded from the export folder, the schedule.
 */
@Service
public class Exports {

    private static final String ADMIN = "hasRole('" + Roles.USER_ADMINISTRATOR + "')";
    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final LibraryExport export;
    private final ExportRuns runs;
    private final ExportSettings settings;
    private final CurrentStaff staff;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    Exports(LibraryExport export, ExportRuns runs, ExportSettings settings, CurrentStaff staff) {
        this.export = export;
        this.runs = runs;
        this.settings = settings;
        this.staff = staff;
    }

    /** Refused: another export runs. */
    public static class ExportRunningException extends RuntimeException {
        ExportRunningException() {
            super("exports.running");
        }
    }

    /** Starts an export in the background; returns its run at once. */
    @PreAuthorize(ADMIN)
    public long exportNow(ExportRun.Kind kind) {
        var started = export.begin(kind, staff.uid()).orElseThrow(ExportRunningException::new);
        background.execute(() -> SystemPrincipal.run(() -> export.execute(started)));
        return started.run();
    }

    @PreAuthorize(ADMIN)
    public List<ExportRun> runs(int limit) {
        return runs.latest(limit);
    }

    /** When the next nightly export runs, and where the files go. */
    public record Schedule(String cron, @Nullable LocalDateTime next, String folder, int maxUsersPerFile) {}

    @PreAuthorize(ADMIN)
    public Schedule schedule() {
        LocalDateTime next = null;
        if (CronExpression.isValidExpression(settings.cron())) {
            next = CronExpression.parse(settings.cron()).next(LocalDateTime.now());
        }
        return new Schedule(settings.cron(), next, settings.folder().toString(), settings.maxUsersPerFile());
    }

    /**
     * Copies a file a completed run wrote: only those names, so no other file of the server can be
     * asked for.
     */
    @PreAuthorize(ADMIN)
    public void download(String name, OutputStream out) {
        if (!runs.isFile(name)) {
            throw new IllegalArgumentException("No export file of that name");
        }
        try {
            Files.copy(settings.folder().resolve(name), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Export file {} downloaded by {}", name, staff.uid());
    }
}
