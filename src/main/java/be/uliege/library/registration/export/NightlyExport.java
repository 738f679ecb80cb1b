package be.uliege.library.registration.export;

import be.uliege.library.registration.base.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly delta to the library system (R-INT-3), after the purge, on one instance. */
@Component
class NightlyExport {

    private static final Logger log = LoggerFactory.getLogger(NightlyExport.class);

    private final LibraryExport export;

    NightlyExport(LibraryExport export) {
        this.export = export;
    }

    @Scheduled(cron = "${registration.export.cron:0 0 4 * * *}")
    @SchedulerLock(name = "patron-export-schedule", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        export.begin(ExportRun.Kind.DELTA, SystemPrincipal.NAME)
                .ifPresentOrElse(
                        export::execute, () -> log.warn("Nightly export not run: another export holds the lock"));
    }
}
