import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.embedded.UniversityFileGenerator;
import be.uliege.library.registration.load.BenchLoads;
import be.uliege.library.registration.load.LoadRun;
import be.uliege.library.registration.patron.LoadInstructions.Mode;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly load (issue 16, R-SIS-1…5) on a database that already holds {@code existing} patrons,
 * through the real job (Spring Batch, {@code UniversityPeople}), against MariaDB's own {@code LOAD
 * DATA LOCAL INFILE} of the same rows into tables of the same shape — the floor of what writing them
 * can cost. In one run: (a) the first import of a generated file of {@code people} rows, (b) the same
 * file synchronized unchanged (three times, the median taken), (c) synchronized with 5 % of the rows
 * changed, after an untimed warm-up on other people ({@link #warmUp}). Targets: (a) within 3× the
 * floor, (b) within 0.5×, the heap flat.
 *
 * <p>Usage: bench/university-load.sh [people=100000] [existing=1000000]
 */
public class UniversityLoadBenchmark {

    static final long SEED = 16;
    static final long CHANGE_SEED = SEED + 1;
    static final int HEAP_STEP = 10_000;
    /** The tables the load writes for a person, and the floor loads. */
    static final List<String> TABLES = List.of("patron", "contact_item", "patron_name_token", "additional_identifier");

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int existing = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean prefillFloor = Boolean.parseBoolean(System.getProperty("floor.prefill", "true"));
        boolean heap = Boolean.parseBoolean(System.getProperty("heap", "true"));
        int warmUp = Integer.getInteger("warmup", 20_000);
        var work = Files.createTempDirectory("university-load-bench");
        var folder = work.resolve("load");
        Files.createDirectories(folder);

        var today = LocalDate.now();
        var generator = new UniversityFileGenerator(SEED, today);
        var same = work.resolve("people.zip");
        var changed = work.resolve("people-5pc.zip");
        long t0 = System.nanoTime();
        generator.writeZip(same, people);
        generator.writeZip(changed, people, 5, CHANGE_SEED);
        System.out.printf(
                "Files: %,d rows (seed %d), and the same with 5 %% changed: %,d and %,d bytes zipped, written in %.1f s%n",
                people, SEED, Files.size(same), Files.size(changed), (System.nanoTime() - t0) / 1e9);

        var properties = new HashMap<String, String>(Map.of("registration.load.folder", folder.toString()));
        if (System.getProperty("chunk") != null) {
            properties.put("registration.load.chunk-size", System.getProperty("chunk"));
        }
        var context = BenchApp.start(properties);
        try {
            var jdbc = context.getBean(JdbcTemplate.class);
            var dataSource = context.getBean(DataSource.class);
            System.out.printf(
                    "JVM: %d cores, max heap %d MB, chunk %d rows%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    BenchLoads.chunkSize(context));

            t0 = System.nanoTime();
            fillExisting(jdbc, existing);
            System.out.printf(
                    "Existing patrons: %s, filled in %.1f s%n", tableCounts(jdbc), (System.nanoTime() - t0) / 1e9);

            try (var floor = DriverManager.getConnection(
                    EmbeddedServers.running().jdbcUrl() + "?allowLocalInfile=true", "root", "")) {
                t0 = System.nanoTime();
                createFloorTables(floor, prefillFloor);
                System.out.printf(
                        "Floor tables bench_* created%s in %.1f s%n",
                        prefillFloor ? " and filled with the same existing rows" : " (empty)",
                        (System.nanoTime() - t0) / 1e9);

                if (warmUp > 0) {
                    warmUp(context, jdbc, work, warmUp);
                }
                var before = maxIds(jdbc);
                var a = load(context, jdbc, dataSource, same, Mode.IMPORT, "(a) first import", people, heap);
                var written = writtenSince(jdbc, before);
                System.out.println("    rows written by the import: " + written);

                var floorResult = floor(floor, jdbc, before, work);
                // An unchanged night is a few seconds: the machine's noise is a good part of it. It is run
                // three times (each is the same unchanged night), and the median is the figure.
                var unchanged = new ArrayList<Result>();
                for (int i = 1; i <= 3; i++) {
                    unchanged.add(load(
                            context,
                            jdbc,
                            dataSource,
                            same,
                            Mode.SYNCHRONIZE,
                            "(b) synchronize unchanged, " + i + " of 3",
                            people,
                            heap));
                }
                var b = unchanged.stream()
                        .sorted(java.util.Comparator.comparingDouble(Result::seconds))
                        .toList()
                        .get(1);
                b = new Result("(b) synchronize unchanged (median of 3)", b.seconds(), b.heap());
                var c = load(
                        context,
                        jdbc,
                        dataSource,
                        changed,
                        Mode.SYNCHRONIZE,
                        "(c) synchronize 5 % changed",
                        people,
                        heap);

                System.out.printf(
                        "%nSummary (%,d rows in the file, %,d patrons before, %d cores)%n",
                        people, existing, Runtime.getRuntime().availableProcessors());
                System.out.printf("%-30s %9s %10s %9s%n", "", "seconds", "rows/s", "× floor");
                System.out.printf(
                        "%-30s %9.1f %10.0f %9s   (%,d rows in 4 tables; with the history %.1f s)%n",
                        "floor: LOAD DATA LOCAL",
                        floorResult[0],
                        people / floorResult[0],
                        "1.00",
                        (long) floorResult[1],
                        floorResult[0] + floorResult[2]);
                for (var r : List.of(a, b, c)) {
                    System.out.printf(
                            "%-30s %9.1f %10.0f %9.2f%n",
                            r.label, r.seconds, people / r.seconds, r.seconds / floorResult[0]);
                }
                System.out.printf(
                        "%nTargets: (a) within 3× the floor (%.1f s) -> %s; (b) within 0.5× (%.1f s) -> %s; "
                                + "heap flat (after GC, last sample within 32 MB of the first) -> %s%n",
                        floorResult[0] * 3,
                        a.seconds <= floorResult[0] * 3 ? "MET" : "NOT MET",
                        floorResult[0] * 0.5,
                        b.seconds <= floorResult[0] * 0.5 ? "MET" : "NOT MET",
                        !heap ? "not sampled" : a.flat() && b.flat() && c.flat() ? "MET" : "NOT MET");
            }
        } finally {
            context.close();
            try (var paths = Files.walk(work)) { // the files and their dumps: hundreds of MB at full size
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0); // the embedded servers' threads would keep the JVM alive
    }

    /**
     * Before the timed runs, the same three kinds of load on other people ({@code warmup} of them,
     * another seed), untimed, then those records deleted: the timed runs measure the load in a JVM
     * whose compiler has seen its code, as the night's runs in a server that has run for a while
     * (a cold JVM's compiler threads took a third of the first import's Java CPU). -Dwarmup=0 for
     * a cold run.
     */
    static void warmUp(ConfigurableApplicationContext context, JdbcTemplate jdbc, Path work, int people)
            throws Exception {
        long t0 = System.nanoTime();
        var generator = new UniversityFileGenerator(SEED + 100, LocalDate.now());
        var file = work.resolve("warm-up.zip");
        var changed = work.resolve("warm-up-5pc.zip");
        generator.writeZip(file, people);
        generator.writeZip(changed, people, 5, SEED + 101);
        long maxBefore = jdbc.queryForObject("select max(id) from patron", Long.class);
        var counts = new ArrayList<String>();
        for (var step : List.of(
                Map.entry(file, Mode.IMPORT),
                Map.entry(file, Mode.SYNCHRONIZE),
                Map.entry(changed, Mode.SYNCHRONIZE))) {
            var copy = work.resolve("load").resolve(step.getKey().getFileName());
            Files.copy(step.getKey(), copy, StandardCopyOption.REPLACE_EXISTING);
            long run = BenchLoads.prepare(context, copy, step.getValue());
            counts.add(BenchLoads.execute(context, run, copy, step.getValue())
                    .counts()
                    .toString());
        }
        jdbc.update("delete from patron_history where patron_id > ?", maxBefore);
        int deleted = jdbc.update("delete from patron where id > ?", maxBefore);
        System.out.printf(
                "Warm-up (untimed): %,d other people imported, synchronized unchanged, then 5 %% changed, then their %,d records deleted, in %.1f s%n    %s%n",
                people, deleted, (System.nanoTime() - t0) / 1e9, String.join("\n    ", counts));
    }

    /** What one run of the load took. */
    record Result(String label, double seconds, List<long[]> heap) {
        boolean flat() {
            if (heap.size() < 2) {
                return true;
            }
            return heap.getLast()[1] - heap.getFirst()[1] < 32L << 20;
        }
    }

    /**
     * Runs the load on a copy of {@code file} (the launcher files it away), in this thread, as the
     * night's job does; prints its counts, the time per step, the statements and CPU it cost, where
     * the thread spent its time (sampled) and the heap after GC every 10,000 rows read.
     */
    static Result load(
            ConfigurableApplicationContext context,
            JdbcTemplate jdbc,
            DataSource dataSource,
            Path file,
            Mode mode,
            String label,
            int people,
            boolean heap)
            throws Exception {
        var copy = file.resolveSibling("load").resolve(file.getFileName());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%n%s: %s, mode %s%n", label, file.getFileName(), mode);
        long run = BenchLoads.prepare(context, copy, mode);
        var statements = PreRegistrationBenchmark.statements(dataSource);
        var threadsBefore = threadCpu();
        double jvmCpu = PreRegistrationBenchmark.jvmCpuSeconds();
        double dbCpu = PreRegistrationBenchmark.databaseCpuSeconds();
        long gcBefore = gcMillis();
        var done = new AtomicBoolean();
        var samples = new ArrayList<long[]>();
        var paused = new java.util.concurrent.atomic.AtomicLong();
        var sampler = new Thread(() -> sampleHeap(jdbc, run, done, samples, paused), "heap-sampler");
        var profile = new Profile(Thread.currentThread(), done);
        var profiler = new Thread(profile, "profiler");
        if (heap) {
            sampler.start();
        }
        profiler.start();
        long start = System.nanoTime();
        LoadRun result = BenchLoads.execute(context, run, copy, mode);
        double wall = (System.nanoTime() - start) / 1e9;
        done.set(true);
        if (heap) {
            sampler.join();
        }
        profiler.join();
        double forcedGc = (gcMillis() - gcBefore) / 1000.0;
        // The heap samples' own System.gc() stop every thread, the job's too: their pauses are the
        // instrument's, not the load's, and are taken out of its time (printed both ways).
        double samplingPauses = paused.get() / 1e9;
        double seconds = wall - samplingPauses;
        jvmCpu = PreRegistrationBenchmark.jvmCpuSeconds() - jvmCpu;
        var threadsAfter = threadCpu();
        dbCpu = PreRegistrationBenchmark.databaseCpuSeconds() - dbCpu;
        var after = PreRegistrationBenchmark.statements(dataSource);

        System.out.printf(
                "    %s in %.1f s (%.1f s of wall time, less %.1f s of the heap samples' forced GCs; %.0f rows/s): %s%s%n",
                result.status(),
                seconds,
                wall,
                samplingPauses,
                people / seconds,
                result.counts(),
                result.refusedReason() == null ? "" : " refused: " + result.refusedReason());
        if (result.counts().read() != people) {
            System.out.printf(
                    "    WARNING: %,d rows read of %,d%n", result.counts().read(), people);
        }
        System.out.println("    steps: " + steps(jdbc, result.jobExecutionId()));
        System.out.printf(
                "    CPU: Java process %.1f s, MariaDB %.1f s (of %.1f s × %d cores); GC %.1f s (forced GCs of the heap samples included)%n",
                jvmCpu, dbCpu, seconds, Runtime.getRuntime().availableProcessors(), forcedGc);
        var byThread = new HashMap<String, Double>();
        threadsAfter.forEach((k, v) -> byThread.merge(k, v - threadsBefore.getOrDefault(k, 0.0), Double::sum));
        System.out.println("    Java CPU by thread (from 0.5 s): "
                + byThread.entrySet().stream()
                        .filter(e -> e.getValue() >= 0.5)
                        .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                        .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        var delta = new LinkedHashMap<String, Long>();
        after.forEach((k, v) -> delta.put(k, v - statements.getOrDefault(k, 0L)));
        System.out.println("    statements: "
                + delta.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> String.format(
                                "%s %,d (%.1f/row)", e.getKey(), e.getValue(), e.getValue() / (double) people))
                        .collect(Collectors.joining(", ")));
        var reasons = jdbc.query(
                """
                select outcome, reason_key, count(*) from load_report_line where run_id = ?
                 group by outcome, reason_key order by count(*) desc""", (rs, i) -> String.format("%s %s %,d", rs.getString(1), rs.getString(2), rs.getLong(3)), run);
        if (!reasons.isEmpty()) {
            System.out.println("    report lines: " + String.join(", ", reasons));
        }
        profile.print();
        if (heap) {
            System.out.println(
                    "    heap used after System.gc(), by rows read (approximate: at each 10,000 rows, and each second the count stands still):");
            for (var s : samples) {
                System.out.printf("      %,9d rows  %5d MB  (at %.1f s)%n", s[0], s[1] >> 20, s[2] / 1000.0);
            }
        }
        return new Result(label, seconds, samples);
    }

    /** Every 200 ms, the run's read rows; at each multiple of 10,000 crossed, a GC and the heap used. */
    static void sampleHeap(
            JdbcTemplate jdbc,
            long run,
            AtomicBoolean done,
            List<long[]> samples,
            java.util.concurrent.atomic.AtomicLong paused) {
        long next = HEAP_STEP;
        long start = System.nanoTime();
        long last = start;
        while (!done.get()) {
            try {
                Thread.sleep(200);
                Long read = jdbc.queryForObject("select read_rows from load_run where id = ?", Long.class, run);
                // Also once a second while the count stands still: a synchronization's check counts
                // the rows it recognised only when its transaction commits, at its end.
                boolean still = System.nanoTime() - last >= 1_000_000_000L;
                if (read != null && (read >= next || still)) {
                    long before = System.nanoTime();
                    System.gc();
                    paused.addAndGet(System.nanoTime() - before);
                    last = System.nanoTime();
                    var runtime = Runtime.getRuntime();
                    samples.add(
                            new long[] {read, runtime.totalMemory() - runtime.freeMemory(), (last - start) / 1_000_000
                            });
                    if (read >= next) {
                        next = (read / HEAP_STEP + 1) * HEAP_STEP;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("    heap sampler: " + e.getMessage());
            }
        }
    }

    /**
     * CPU seconds of the JVM's threads by name, digits folded (the compiler threads, the GC's, the
     * job's): where the Java process's CPU goes besides the job's own thread. Linux's /proc only.
     */
    static Map<String, Double> threadCpu() {
        var cpu = new HashMap<String, Double>();
        var tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return cpu;
        }
        try (var list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    var stat = Files.readString(task.resolve("stat"));
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    cpu.merge(name, seconds, Double::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread gone meanwhile
                }
            });
        } catch (java.io.IOException e) {
            return cpu;
        }
        return cpu;
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }

    static String steps(JdbcTemplate jdbc, Long jobExecution) {
        if (jobExecution == null) {
            return "none";
        }
        return jdbc
                .query(
                        """
                        select step_name, timestampdiff(microsecond, start_time, end_time) / 1e6, commit_count
                          from BATCH_STEP_EXECUTION where job_execution_id = ? order by step_execution_id""",
                        (rs, i) -> String.format(
                                "%s %.1f s (%d commits)", rs.getString(1), rs.getDouble(2), rs.getLong(3)),
                        jobExecution)
                .stream()
                .collect(Collectors.joining(", "));
    }

    /**
     * Samples the job's thread every 20 ms: the share of samples waiting on the database (in a socket
     * read) and, for each application method, the share of samples it is on the stack of (inclusive).
     */
    static final class Profile implements Runnable {
        private final Thread target;
        private final AtomicBoolean done;
        private final Map<String, Integer> inclusive = new HashMap<>();
        private final Map<String, Integer> framework = new HashMap<>();
        private final Map<String, Integer> self = new HashMap<>();
        private int samples;
        private int database;
        private int hibernate;

        Profile(Thread target, AtomicBoolean done) {
            this.target = target;
            this.done = done;
        }

        @Override
        public void run() {
            var threads = ManagementFactory.getThreadMXBean();
            while (!done.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                var info = threads.getThreadInfo(target.threadId(), 256);
                if (info == null || info.getStackTrace().length == 0) {
                    continue;
                }
                var stack = info.getStackTrace();
                samples++;
                var top = stack[0].getClassName();
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    var name = stack[i].getClassName() + "." + stack[i].getMethodName();
                    if (name.contains("SocketInputStream")
                            || name.contains("NioSocketImpl.read")
                            || name.contains("SocketDispatcher.read")
                            || name.contains("Net.poll")) {
                        database++;
                        break;
                    }
                }
                self.merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
                var seen = new java.util.HashSet<String>();
                boolean inHibernate = false;
                for (var frame : stack) {
                    if (frame.getClassName().startsWith("org.hibernate")) {
                        inHibernate = true;
                        var name = frame.getClassName().replaceFirst("org\\.hibernate\\.", "") + "."
                                + frame.getMethodName();
                        if (seen.add(name)) {
                            framework.merge(name, 1, Integer::sum);
                        }
                    }
                    if (frame.getClassName().startsWith("be.uliege")) {
                        var name = frame.getClassName().replaceFirst("be\\.uliege\\.library\\.registration\\.", "")
                                + "." + frame.getMethodName();
                        if (seen.add(name)) {
                            inclusive.merge(name, 1, Integer::sum);
                        }
                    }
                }
                if (inHibernate) {
                    hibernate++;
                }
                if (top.isEmpty()) {
                    samples--;
                }
            }
        }

        void print() {
            if (samples == 0) {
                return;
            }
            System.out.printf(
                    "    profile (%d samples of the job's thread): waiting on MariaDB %.0f %%, inside Hibernate %.0f %%%n",
                    samples, 100.0 * database / samples, 100.0 * hibernate / samples);
            System.out.println("    application methods on the stack (inclusive, from 2 %):");
            top(inclusive, 25, 2);
            System.out.println("    Hibernate methods on the stack (inclusive, from 5 %):");
            top(framework, 15, 5);
            System.out.println("    top of the stack (self, from 2 %):");
            top(self, 12, 2);
        }

        private void top(Map<String, Integer> counts, int limit, int fromPercent) {
            counts.entrySet().stream()
                    .filter(e -> !e.getKey().contains("$$") && !e.getKey().contains("lambda$"))
                    .sorted((x, y) -> y.getValue() - x.getValue())
                    .filter(e -> e.getValue() * 100 >= samples * fromPercent)
                    .limit(limit)
                    .forEach(
                            e -> System.out.printf("      %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        }
    }

    // ---- the existing patrons ----

    /**
     * The name-search benchmark's B patrons (names, name tokens) and, set by set in SQL, an e-mail for
     * each, a phone for one in two, an address for one in three and a barcode for each.
     */
    static void fillExisting(JdbcTemplate jdbc, int existing) {
        NameSearchBenchmark.fill(jdbc, existing);
        int step = 100_000;
        for (int from = 1; from <= existing; from += step) {
            int to = Math.min(existing, from + step - 1);
            jdbc.update("""
                    insert into contact_item (patron_id, kind, source, usage_type, preferred, item_value)
                    select id, 'EMAIL', 'LOCAL', 'PERSONAL', 1, concat('patron', id, '@example.be')
                      from patron where id between ? and ?""", from, to);
            jdbc.update("""
                    insert into contact_item (patron_id, kind, source, usage_type, preferred, item_value)
                    select id, 'PHONE', 'LOCAL', 'MOBILE', 1, concat('+32 47', lpad(id, 7, '0'))
                      from patron where id between ? and ? and id % 2 = 0""", from, to);
            jdbc.update("""
                    insert into contact_item (patron_id, kind, source, usage_type, preferred, item_value,
                     postal_code, city, country)
                    select id, 'ADDRESS', 'LOCAL', 'HOME', 1, concat('Rue Saint-Gilles ', id % 300 + 1),
                     concat(4000 + id % 100), 'Liège', 'BE'
                      from patron where id between ? and ? and id % 3 = 0""", from, to);
            jdbc.update("""
                    insert into additional_identifier (patron_id, id_type, id_value)
                    select id, 'BARCODE', concat('21', lpad(id, 10, '0')) from patron where id between ? and ?""", from, to);
        }
        for (var table : TABLES) {
            jdbc.execute("analyze table " + table);
        }
    }

    static Map<String, Long> tableCounts(JdbcTemplate jdbc) {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    // ---- the floor ----

    /** bench_patron LIKE patron and so on (indexes, no foreign keys: added), holding the same existing rows. */
    static void createFloorTables(Connection c, boolean prefill) throws Exception {
        try (var s = c.createStatement()) {
            for (var table : TABLES) {
                s.execute("drop table if exists bench_" + table);
            }
            s.execute("drop table if exists bench_patron_history");
            for (var table : TABLES) {
                s.execute("create table bench_" + table + " like " + table);
            }
            s.execute("create table bench_patron_history like patron_history");
            for (var table : TABLES.subList(1, TABLES.size())) {
                s.execute("alter table bench_" + table + " add foreign key (patron_id) references bench_patron (id)"
                        + " on delete cascade");
            }
            if (prefill) {
                s.execute("set foreign_key_checks = 0");
                for (var table : TABLES) {
                    s.execute("insert into bench_" + table + " select * from " + table);
                }
                s.execute("set foreign_key_checks = 1");
                for (var table : TABLES) {
                    s.execute("analyze table bench_" + table);
                }
            }
        }
    }

    static Map<String, Long> maxIds(JdbcTemplate jdbc) {
        var max = new HashMap<String, Long>();
        max.put("patron", jdbc.queryForObject("select coalesce(max(id), 0) from patron", Long.class));
        max.put("patron_history", jdbc.queryForObject("select coalesce(max(id), 0) from patron_history", Long.class));
        return max;
    }

    /** The rows of the load's tables that belong to patrons created since {@code before}. */
    static String where(String table, Map<String, Long> before) {
        return switch (table) {
            case "patron" -> "id > " + before.get("patron");
            case "patron_history" -> "id > " + before.get("patron_history");
            default -> "patron_id > " + before.get("patron");
        };
    }

    static Map<String, Long> writtenSince(JdbcTemplate jdbc, Map<String, Long> before) {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : concat(TABLES, "patron_history", "load_report_line")) {
            var condition = table.equals("load_report_line") ? "true" : where(table, before);
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where " + condition, Long.class));
        }
        return counts;
    }

    static List<String> concat(List<String> list, String... more) {
        var all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * The floor: the rows the import wrote (the same patrons, contact items, name tokens, identifiers,
     * ids included), written to tab-separated files, then loaded with LOAD DATA LOCAL INFILE into the
     * bench_ tables, one statement per table. Returns {seconds, rows, seconds of the history rows}.
     * Measured once: loaded again after a delete, the same rows took half as long again (InnoDB's
     * purge of the deleted rows), a floor that would flatter the load.
     */
    static double[] floor(Connection c, JdbcTemplate jdbc, Map<String, Long> before, Path work) throws Exception {
        var files = new LinkedHashMap<String, Path>();
        var rows = new HashMap<String, Long>();
        for (var table : concat(TABLES, "patron_history")) {
            var file = work.resolve(table + ".tsv");
            rows.put(table, dump(c, table, where(table, before), file));
            files.put(table, file);
        }
        System.out.printf("%nFloor: LOAD DATA LOCAL INFILE of the same rows into bench_* tables%n");
        double total = 0;
        long count = 0;
        double history = 0;
        for (var entry : files.entrySet()) {
            long start = System.nanoTime();
            long loaded;
            try (var s = c.createStatement()) {
                loaded = s.executeLargeUpdate("load data local infile '" + entry.getValue() + "' into table bench_"
                        + entry.getKey() + " character set utf8mb4");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("    %-22s %,10d rows in %5.1f s%n", entry.getKey(), loaded, seconds);
            if (loaded != rows.get(entry.getKey())) {
                System.out.printf("    WARNING: %,d rows written to the file%n", rows.get(entry.getKey()));
            }
            if (entry.getKey().equals("patron_history")) {
                history = seconds;
            } else {
                total += seconds;
                count += loaded;
            }
        }
        System.out.printf(
                "    floor: %,d rows in %.1f s (%.0f rows/s); the history rows would add %.1f s%n",
                count, total, count / total, history);
        return new double[] {total, count, history};
    }

    /** Writes the rows in LOAD DATA's default format: tab-separated, backslash escapes, \N for null. */
    static long dump(Connection c, String table, String condition, Path file) throws Exception {
        long n = 0;
        try (var s = c.createStatement();
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            s.setFetchSize(1000);
            try (var rs = s.executeQuery("select * from " + table + " where " + condition + " order by 1")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        if (i > 1) {
                            out.write('\t');
                        }
                        var value = rs.getObject(i);
                        if (value == null) {
                            out.write("\\N");
                        } else if (value instanceof Boolean b) {
                            out.write(b ? "1" : "0");
                        } else {
                            out.write(escape(rs.getString(i)));
                        }
                    }
                    out.write('\n');
                    n++;
                }
            }
        }
        return n;
    }

    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
