package be.uliege.library.registration.export;

import be.uliege.library.registration.base.SystemPrincipal;
import java.nio.file.Path;
import org.springframework.context.ApplicationContext;

/**
 * The benchmarks' way into the export: {@link LibraryExport} is package-private, and this class,
 * compiled from {@code bench/java} only, sits in its package. It runs a full export as the nightly
 * job does (the system principal, the cluster lock, pages of records streamed into zips).
 */
public final class BenchExports {

    private BenchExports() {}

    public static ExportRun full(ApplicationContext context) {
        var export = context.getBean(LibraryExport.class);
        return SystemPrincipal.call(() -> export.execute(export.begin(ExportRun.Kind.FULL, SystemPrincipal.NAME)
                .orElseThrow(() -> new IllegalStateException("Another export holds the lock"))));
    }

    public static Path folder(ApplicationContext context) {
        return context.getBean(ExportSettings.class).folder();
    }
}
