package be.uliege.library.registration.load;

import be.uliege.library.registration.base.SystemPrincipal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The night's load (R-SIS-1): at 02:00 by default, on one instance, first goes on with a run that
 * failed or whose instance died (from its last committed chunk), then loads each file waiting in the
 * folder, oldest name first. A file is taken when its name ends in {@code .xml} or {@code .zip}:
 * the transfer writes under another name and renames when done, so a half-written file is never read.
 */
@Component
class NightlyLoad {

    private static final Logger log = LoggerFactory.getLogger(NightlyLoad.class);

    /** How long the night waits for a load an administrator started to end. */
    private static final Duration WAIT = Duration.ofMinutes(30);

    private final LoadLauncher launcher;
    private final LoadRuns runs;
    private final LoadSettings settings;

    NightlyLoad(LoadLauncher launcher, LoadRuns runs, LoadSettings settings) {
        this.launcher = launcher;
        this.runs = runs;
        this.settings = settings;
    }

    @Scheduled(cron = "${registration.load.cron:0 0 2 * * *}")
    @SchedulerLock(name = "university-load-schedule", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    void run() {
        // A run whose instance died while it waited for the lock never started: not followed any more.
        runs.failNeverStarted(java.time.Instant.now().minus(WAIT.multipliedBy(2)));
        for (var run : runs.resumable()) {
            launcher.resume(run, WAIT).ifPresent(r -> log.info("Load run {} resumed: {}", r.id(), r.status()));
        }
        // A file whose run failed again, or that an administrator stopped, waits for them: resumed
        // from the loads screen, or taken out of the folder. It is never loaded afresh beside its run.
        var blocked = new HashSet<String>(runs.unfinishedFiles());
        for (var file : waitingFiles()) {
            if (blocked.contains(file.getFileName().toString())) {
                log.warn("Load file {} waits: its earlier run failed or was stopped", file.getFileName());
                continue;
            }
            long run = launcher.prepare(file, settings.mode(), false, SystemPrincipal.NAME);
            launcher.execute(run, file, settings.mode(), false, WAIT)
                    .ifPresent(r -> log.info("Load run {} of {}: {} {}", r.id(), r.fileName(), r.status(), r.counts()));
        }
    }

    /** The files waiting in the folder, by name. */
    List<Path> waitingFiles() {
        var folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        var name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !name.startsWith(".") && (name.endsWith(".xml") || name.endsWith(".zip"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("The load folder cannot be read: {}", e.getMessage());
            return List.of();
        }
    }
}
