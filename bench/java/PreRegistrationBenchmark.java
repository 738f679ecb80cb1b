import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.embedded.EmbeddedServers;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Sustained public API submissions (R-PRE-1…3) against the floor of what any registration can
 * cost: a plain JDBC loop inserting the same rows one by one into the same MariaDB, measured in
 * the same run. Then a fixed rate of 100 submissions per second for the p99 target.
 *
 * The API runs as for a trusted integration (challenge and rate limits off: they are there to
 * slow clients down), and the pre-registration range is widened for the run (10,000 B95 numbers
 * would run out).
 *
 * Usage: bench/pre-registration.sh [seconds=60] [clients=8]
 */
public class PreRegistrationBenchmark {

    static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 30);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        var context = BenchApp.start(Map.of(
                "preregistration.challenge.enabled", "false",
                "preregistration.rate-limit.enabled", "false",
                "registration.patron.identifier-ranges.pre-registration.from", "100000",
                "registration.patron.identifier-ranges.pre-registration.to", "949999"));
        try {
            var port = context.getEnvironment().getProperty("local.server.port");
            var url = URI.create("http://127.0.0.1:" + port + "/api/v1/pre-registrations");
            var http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(clients * 2))
                    .build();
            var dataSource = context.getBean(DataSource.class);
            forwardMailsAway(context.getBean(EmbeddedServers.class).mail());

            // Warm-up until the compiler has done its work (as on a server that has been up for a
            // while), and the number of history rows the application writes per registration.
            var warmUp = closedLoop(http, url, clients, WARM_UP_SECONDS);
            System.out.printf("%nWarm-up: %d s, %.1f submissions/s%n", WARM_UP_SECONDS, warmUp.rate());
            long historyPerRegistration = Math.round(query(dataSource, "select count(*) from patron_history")
                    / (double) query(dataSource, "select count(*) from patron"));

            var loop = jdbcLoop(dataSource, Math.min(seconds, 30), (int) historyPerRegistration);
            System.out.printf(
                    "%nPlain JDBC loop (one connection, rows inserted one by one, one transaction per registration: "
                            + "patron, 3 contact items, name tokens, %d history rows, pre-registration, event):%n  %.1f registrations/s%n",
                    historyPerRegistration, loop);

            var before = statements(dataSource);
            long patronsBefore = query(dataSource, "select count(*) from patron");
            double jvmBefore = jvmCpuSeconds();
            double databaseBefore = databaseCpuSeconds();
            var saturated = closedLoop(http, url, clients, seconds);
            double jvmCpu = jvmCpuSeconds() - jvmBefore;
            double databaseCpu = databaseCpuSeconds() - databaseBefore;
            var after = statements(dataSource);
            // Let the confirmation mails of the run go out before counting what each submission cost.
            Thread.sleep(3000);
            after = statements(dataSource);
            long stored = query(dataSource, "select count(*) from patron") - patronsBefore;
            var perSubmission = new StringBuilder();
            for (var e : after.entrySet()) {
                double n = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) stored;
                if (n >= 0.05) {
                    perSubmission.append(String.format(" %s %.1f", e.getKey(), n));
                }
            }
            System.out.printf(
                    "%nStatements the database received per stored submission (request and mail):%s%n", perSubmission);
            System.out.printf(
                    "CPU per submission while the clients ran back to back: Java process %.2f ms (application, "
                            + "mail server and these clients), database %.2f ms; %d processors%n",
                    jvmCpu * 1000 / stored,
                    databaseCpu * 1000 / stored,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "%nAPI, %d clients back to back for %d s: %.1f submissions/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
                    clients, seconds, saturated.rate(), saturated.p50(), saturated.p99(), saturated.errors());

            var fixed = fixedRate(http, url, 100, seconds);
            System.out.printf(
                    "API at a fixed 100 submissions/s for %d s: achieved %.1f/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
                    seconds, fixed.rate(), fixed.p50(), fixed.p99(), fixed.errors());
            // Mails go out after the commit, from the event registry: at saturation they trail behind.
            long lastSubmission = System.nanoTime();
            long unsent = query(dataSource, "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null");
            System.out.printf(
                    "Confirmation mails not yet sent at the last submission: %d of %d%n",
                    unsent, query(dataSource, "select count(*) from EVENT_PUBLICATION"));
            while (unsent > 0 && System.nanoTime() - lastSubmission < TimeUnit.SECONDS.toNanos(300)) {
                Thread.sleep(500);
                unsent = query(dataSource, "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null");
            }
            System.out.printf(
                    "All confirmation mails sent %.1f s after the last submission%s%n",
                    (System.nanoTime() - lastSubmission) / 1e9, unsent > 0 ? " (NOT: " + unsent + " left)" : "");

            double share = saturated.rate() / loop;
            System.out.printf(
                    "%nTargets: API rate >= 25%% of the JDBC loop -> %.0f%% %s; p99 < 100 ms at 100/s -> %.1f ms %s%n",
                    share * 100, share >= 0.25 ? "MET" : "NOT MET", fixed.p99(), fixed.p99() < 100 ? "MET" : "NOT MET");
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /**
     * The embedded mail server keeps every mail in a mailbox per recipient and looks mailboxes up
     * one by one: with a new recipient per submission it would soon spend more time than the
     * application. A real mail server hands mails on; here the mailboxes are emptied every second.
     */
    static void forwardMailsAway(GreenMail mail) {
        var cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "bench-mailbox-cleaner");
            t.setDaemon(true);
            return t;
        });
        cleaner.scheduleWithFixedDelay(
                () -> {
                    var users = mail.getUserManager();
                    for (var user : List.copyOf(users.listUser())) {
                        users.deleteUser(user);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    record Result(double rate, double p50, double p99, long errors) {}

    static String body() {
        int n = SEQUENCE.incrementAndGet();
        var last = "Bench" + Integer.toString(n, 26).replaceAll("[0-9]", "x");
        return """
                {"firstName":"Élodie","lastName":"%s","birthDate":"%s","gender":"F","preferredLanguage":"fre",
                 "email":"bench.%d.%s@example.be","phone":"0475 %06d",
                 "address":{"line1":"Rue de la Cathédrale 12 bte 3","postalCode":"4000","city":"Liège","country":"BE"},
                 "jobCategory":"AUTRE HE / UNIV","jobDescription":"Haute École Charlemagne","use":"PRIVATE",
                 "privacyNoticeVersion":"2026-1","privacyNoticeAccepted":true}""".formatted(
                        last,
                        LocalDate.of(1950, 1, 1).plusDays(n % 20000),
                        n,
                        UUID.randomUUID().toString().substring(0, 6),
                        n % 1_000_000);
    }

    static HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body()))
                .build();
    }

    static int submit(HttpClient http, URI url) throws Exception {
        return http.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static Result closedLoop(HttpClient http, URI url, int clients, int seconds) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Double>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (submit(http, url) != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        return summary(new ArrayList<>(latencies), seconds, errors.get());
    }

    static Result fixedRate(HttpClient http, URI url, int perSecond, int seconds) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Double>();
        var errors = new AtomicLong();
        var scheduler = Executors.newScheduledThreadPool(2);
        long total = (long) perSecond * seconds;
        var sent = new AtomicLong();
        var done = new CountDownLatch((int) total);
        scheduler.scheduleAtFixedRate(
                () -> {
                    if (sent.incrementAndGet() > total) {
                        return;
                    }
                    long start = System.nanoTime();
                    http.sendAsync(request(url), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> {
                                latencies.add((System.nanoTime() - start) / 1e6);
                                if (e != null || r.statusCode() != 201) {
                                    errors.incrementAndGet();
                                }
                                done.countDown();
                            });
                },
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);
        done.await(seconds + 60, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        return summary(new ArrayList<>(latencies), seconds, errors.get());
    }

    static Result summary(List<Double> latencies, int seconds, long errors) {
        Collections.sort(latencies);
        return new Result(
                latencies.size() / (double) seconds,
                latencies.get(latencies.size() / 2),
                latencies.get((int) Math.floor(latencies.size() * 0.99)),
                errors);
    }

    static long query(DataSource dataSource, String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double jvmCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** User and system time of the embedded database server, from /proc (Linux). */
    static double databaseCpuSeconds() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
                        .orElse(false))
                .mapToDouble(p -> {
                    try {
                        var fields = Files.readString(Path.of("/proc/" + p.pid() + "/stat"))
                                .replaceFirst(".*\\) ", "")
                                .split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    } catch (Exception e) {
                        return 0;
                    }
                })
                .sum();
    }

    /** The database server's statement counters (Questions and the main Com_ kinds). */
    static Map<String, Long> statements(DataSource dataSource) throws Exception {
        var counters = new TreeMap<String, Long>();
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery("show global status where Variable_name in ('Questions', 'Com_select', "
                        + "'Com_insert', 'Com_update', 'Com_delete', 'Com_commit', 'Com_rollback', 'Com_set_option', "
                        + "'Com_begin', 'Com_stmt_prepare', 'Com_stmt_execute', 'Com_stmt_close')")) {
            while (r.next()) {
                counters.put(r.getString(1), r.getLong(2));
            }
        }
        return counters;
    }

    /** The same rows as a registration, inserted one by one, one transaction per registration. */
    static double jdbcLoop(DataSource dataSource, int seconds, int historyRows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id = query(dataSource, "select coalesce(max(id), 0) from patron") + 1_000_000;
            try (PreparedStatement patron = c.prepareStatement(
                            "insert into patron (id, version, primary_identifier, kind, "
                                    + "first_name, last_name, gender, birth_date, preferred_language, user_group, job_category, job_description, "
                                    + "resource_sharing_library, status, status_date, expiration_date, purge_date, record_type, account_type, "
                                    + "institutional_record, owning_system, created_at, updated_at) values "
                                    + "(?,0,?,'B',?,?,'F',?,'FRE','Extérieur','AUTRE HE / UNIV','Haute École Charlemagne',"
                                    + "'PIB: Interlibrary Loan Services','INACTIVE',?,?,?,'PUBLIC','INTERNAL',1,'Public externe (Users B et BX)',?,?)");
                    PreparedStatement contact = c.prepareStatement(
                            "insert into contact_item (patron_id, kind, source, "
                                    + "usage_type, preferred, item_value, postal_code, city, country) values (?,?,'LOCAL',?,1,?,?,?,?)");
                    PreparedStatement token =
                            c.prepareStatement("insert into patron_name_token (patron_id, token) values (?,?)");
                    PreparedStatement history = c.prepareStatement("insert into patron_history (patron_id, changed_at, "
                            + "changed_by, field_name, old_value, new_value) values (?,?,'system',?,null,?)");
                    PreparedStatement pre = c.prepareStatement(
                            "insert into pre_registration (patron_id, patron_identifier, "
                                    + "status, use_kind, submission_key, privacy_notice_version, privacy_accepted_at, possible_duplicate, "
                                    + "foreign_address, created_at) values (?,?,'AWAITING_EMAIL_CONFIRMATION','PRIVATE',?,'2026-1',?,0,0,?)");
                    PreparedStatement event = c.prepareStatement(
                            "insert into EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, "
                                    + "SERIALIZED_EVENT, PUBLICATION_DATE, STATUS, COMPLETION_ATTEMPTS) values (?,?,?,?,?,'PUBLISHED',0)")) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                long count = 0;
                var today = Date.valueOf(LocalDate.now());
                while (System.nanoTime() < end) {
                    var now = Timestamp.from(Instant.now());
                    var identifier = "L" + id;
                    patron.setLong(1, id);
                    patron.setString(2, identifier);
                    patron.setString(3, "Élodie");
                    patron.setString(4, "Loop" + id);
                    patron.setDate(5, Date.valueOf(LocalDate.of(1990, 4, 12)));
                    patron.setDate(6, today);
                    patron.setDate(7, Date.valueOf(LocalDate.now().plusYears(1)));
                    patron.setDate(8, Date.valueOf(LocalDate.now().plusYears(5)));
                    patron.setTimestamp(9, now);
                    patron.setTimestamp(10, now);
                    patron.executeUpdate();
                    for (var row : List.of(
                            new String[] {"EMAIL", "PERSONAL", "loop" + id + "@example.be", null, null, null},
                            new String[] {"PHONE", "MOBILE", "32475123456", null, null, null},
                            new String[] {"ADDRESS", "HOME", "Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE"})) {
                        contact.setLong(1, id);
                        for (int i = 0; i < 6; i++) {
                            contact.setString(i + 2, row[i]);
                        }
                        contact.executeUpdate();
                    }
                    for (var t : List.of(Text.searchKey("Élodie"), "loop" + id)) {
                        token.setLong(1, id);
                        token.setString(2, t);
                        token.executeUpdate();
                    }
                    for (int h = 0; h < historyRows; h++) {
                        history.setLong(1, id);
                        history.setTimestamp(2, now);
                        history.setString(3, "field" + h);
                        history.setString(4, "value " + h);
                        history.executeUpdate();
                    }
                    pre.setLong(1, id);
                    pre.setString(2, identifier);
                    pre.setString(
                            3,
                            HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(identifier.getBytes())));
                    pre.setTimestamp(4, now);
                    pre.setTimestamp(5, now);
                    pre.executeUpdate();
                    event.setString(1, UUID.randomUUID().toString());
                    event.setString(2, "bench.listener");
                    event.setString(3, "bench.Event");
                    event.setString(4, "{\"preRegistrationId\":" + id + "}");
                    event.setTimestamp(5, now);
                    event.executeUpdate();
                    c.commit();
                    id++;
                    count++;
                }
                // The loop's event rows name no real listener: removed so that the retry job does not meet them.
                try (var s = c.createStatement()) {
                    s.executeUpdate("delete from EVENT_PUBLICATION where LISTENER_ID = 'bench.listener'");
                }
                c.commit();
                return count / (double) seconds;
            }
        }
    }
}
