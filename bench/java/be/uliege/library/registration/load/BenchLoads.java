package be.uliege.library.registration.load;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.patron.LoadInstructions;
import java.nio.file.Path;
import org.springframework.context.ApplicationContext;

/**
 * The benchmarks' way into the load: {@link LoadLauncher} is package-private, and this class,
 * compiled from {@code bench/java} only, sits in its package. It starts a run as the night's job
 * does (the system principal, the cluster lock, Spring Batch), not a shortcut.
 */
public final class BenchLoads {

    private BenchLoads() {}

    /** Creates the run (its {@code load_run} row) and returns its id; {@link #execute} does the work. */
    public static long prepare(ApplicationContext context, Path file, LoadInstructions.Mode mode) {
        return context.getBean(LoadLauncher.class).prepare(file, mode, false, SystemPrincipal.NAME);
    }

    /** Runs the load of {@code file} in this thread, as {@link NightlyLoad} does; the file is then filed away. */
    public static LoadRun execute(ApplicationContext context, long run, Path file, LoadInstructions.Mode mode) {
        var launcher = context.getBean(LoadLauncher.class);
        return SystemPrincipal.call(() -> launcher.execute(run, file, mode, false, java.time.Duration.ofMinutes(5)))
                .orElseThrow(() -> new IllegalStateException("Another load holds the lock"));
    }

    /** The run's settings: chunk size, for the report. */
    public static int chunkSize(ApplicationContext context) {
        return context.getBean(LoadSettings.class).chunkSize();
    }
}
