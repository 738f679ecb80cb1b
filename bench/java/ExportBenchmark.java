import be.uliege.library.registration.export.BenchExports;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export to the library system (issue 17, R-INT-3) of {@code patrons} B patrons, each with an
 * e-mail, a phone for one in two, an address for one in three and a barcode: the real full export
 * (pages of records from the patron module, Alma's user XML, zips of 20,000 users) against MariaDB's
 * own {@code SELECT … INTO OUTFILE} of the same columns (the records, their contact items and their
 * identifiers, three files), the floor. Then the export again with the heap sampled after a
 * forced GC every 250 ms. Targets: within 3× the floor; the heap flat.
 *
 * <p>Usage: bench/export.sh [patrons=100000]
 */
public class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        int patrons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var context = BenchApp.start(Map.of(
                "registration.export.folder",
                Files.createTempDirectory("export-bench").toString()));
        try {
            var jdbc = context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            UniversityLoadBenchmark.fillExisting(jdbc, patrons);
            System.out.printf(
                    "Filled %s in %.1f s%n", UniversityLoadBenchmark.tableCounts(jdbc), (System.nanoTime() - t0) / 1e9);

            // Warm-up: the code compiled, the pages cached, as in a server that has been up.
            BenchExports.full(context);

            var floor = floor(jdbc);
            t0 = System.nanoTime();
            var run = BenchExports.full(context);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = run.files().stream().mapToLong(f -> f.bytes()).sum();
            System.out.printf(
                    "%nExport: %s, %,d users in %d files (%,d bytes zipped) in %.2f s: %.0f users/s%n",
                    run.status(), run.users(), run.files().size(), bytes, seconds, run.users() / seconds);

            var heap = new ArrayList<long[]>();
            var sampling = new AtomicBoolean(true);
            var memory = ManagementFactory.getMemoryMXBean();
            long start = System.nanoTime();
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (sampling.get()) {
                    System.gc();
                    heap.add(new long[] {
                        (System.nanoTime() - start) / 1_000_000,
                        memory.getHeapMemoryUsage().getUsed() >> 20
                    });
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            BenchExports.full(context);
            sampling.set(false);
            sampler.join();
            System.out.println("\nHeap used after GC during a second export (ms, MB):");
            for (var sample : heap) {
                System.out.printf("    %6d ms  %4d MB%n", sample[0], sample[1]);
            }
            long first = heap.getFirst()[1];
            long max = heap.stream().mapToLong(s -> s[1]).max().orElse(first);
            System.out.printf(
                    "%nFloor: SELECT … INTO OUTFILE of the same columns %.2f s%nExport %.2f s = %.2f × the floor%n",
                    floor, seconds, seconds / floor);
            System.out.printf(
                    "Targets: within 3× the floor (%.2f s) -> %s; heap flat (no sample more than 32 MB above the first) -> %s%n",
                    floor * 3, seconds <= floor * 3 ? "MET" : "NOT MET", max - first <= 32 ? "MET" : "NOT MET");
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** MariaDB's own dump of what the export reads: the records, their contact items, their identifiers. */
    static double floor(JdbcTemplate jdbc) throws Exception {
        var folder = Files.createTempDirectory("export-floor");
        folder.toFile().setWritable(true, false);
        System.out.printf(
                "%nFloor: SELECT … INTO OUTFILE (secure_file_priv '%s')%n",
                jdbc.queryForObject("select @@secure_file_priv", String.class));
        var statements = List.of(
                "select id, primary_identifier, kind, first_name, last_name, gender, birth_date, preferred_language,"
                        + " user_group, job_category, job_description, resource_sharing_library, status,"
                        + " expiration_date, purge_date from patron where kind in ('B', 'BX') order by id into outfile '"
                        + folder.resolve("patron.tsv") + "'",
                "select c.patron_id, c.kind, c.source, c.usage_type, c.preferred, c.item_value, c.postal_code, c.city,"
                        + " c.country from contact_item c join patron p on p.id = c.patron_id where p.kind in ('B', 'BX')"
                        + " order by c.patron_id, c.id into outfile '" + folder.resolve("contact.tsv") + "'",
                "select a.patron_id, a.id_type, a.id_value from additional_identifier a join patron p on p.id = a.patron_id"
                        + " where p.kind in ('B', 'BX') order by a.patron_id into outfile '"
                        + folder.resolve("identifier.tsv") + "'");
        long t0 = System.nanoTime();
        for (var statement : statements) {
            jdbc.execute(statement);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (var files = Files.list(folder)) {
            for (var file : files.toList()) {
                System.out.printf("    %-16s %,12d bytes%n", file.getFileName(), Files.size(file));
                Files.delete(file);
            }
        }
        return seconds;
    }
}
