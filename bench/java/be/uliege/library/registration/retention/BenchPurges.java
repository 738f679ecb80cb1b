package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.SystemPrincipal;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;

/**
 * The benchmarks' way into the purge: {@link PurgeJob} is package-private, and this class,
 * compiled from {@code bench/java} only, sits in its package. It runs the purge as the nightly job
 * does (the system principal, the cluster lock, a batch per transaction).
 */
public final class BenchPurges {

    private BenchPurges() {}

    public static PurgeRun purge(ApplicationContext context, LocalDate before) {
        var job = context.getBean(PurgeJob.class);
        return SystemPrincipal.call(() -> job.execute(job.begin(before, SystemPrincipal.NAME)));
    }
}
