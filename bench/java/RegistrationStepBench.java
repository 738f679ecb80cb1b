import be.uliege.library.registration.desk.RegistrationStep;
import be.uliege.library.registration.embedded.EmbeddedServers;
import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import com.unboundid.ldap.sdk.SearchScope;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The desk's registration step end to end (R-DESK-4, R-INT-1, R-INT-2): database, directory and
 * mail. Patrons are prepared before timing as the desk leaves them just before the step — an
 * inactive B patron registered at the desk, its identity document checked, its registration fee
 * charged and paid in cash. Timed, per registration, by a desk operator signed in on the thread:
 * (a) {@code RegistrationStep.register} — what the operator waits for before the password is shown
 * — and (b) from the same start until its work after the commit is done: the directory account
 * written ({@code directory_account.state} DONE) and the welcome mail sent
 * ({@code registration.welcome_mail} SENT), read by one poller for every registration in flight
 * (default every 2 ms, {@code -Dpoll=…}). Each worker waits for (b) before its next registration,
 * so that {@code concurrency} registrations are in flight end to end.
 *
 * Phases: a warm-up (default 50, {@code -Dwarmup=…}, not counted), then the same number of
 * registrations one at a time (the baseline), then with {@code concurrency} operators at once.
 * After each phase: every patron has exactly one entry under the patrons' branch of the embedded
 * directory and the mail server received exactly one welcome mail for each; then the mailboxes are
 * emptied (as in the pre-registration benchmark: GreenMail looks mailboxes up one by one).
 *
 * Usage: bench/registration-step.sh [registrations=400] [concurrency=10]
 */
public class RegistrationStepBench {

    static final int WARM_UP = Integer.getInteger("warmup", 50);
    static final long POLL_NANOS =
            TimeUnit.MICROSECONDS.toNanos(Math.round(Double.parseDouble(System.getProperty("poll", "2")) * 1000));
    static final String SITE = "ALP";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    record Prepared(long patronId, long version, String identifier, String email) {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Exit even when the application did not start: the embedded servers' threads would keep the JVM alive.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var context = BenchApp.start(Map.of());
        try {
            var bench = new RegistrationStepBench(context);
            bench.describeExecutors();

            long t0 = System.nanoTime();
            var warmUp = bench.prepare(WARM_UP, concurrency);
            var single = bench.prepare(registrations, concurrency);
            var concurrent = bench.prepare(registrations, concurrency);
            System.out.printf(
                    "Prepared %d inactive B patrons (identity checked, fee charged and paid in cash) in %.1f s%n",
                    WARM_UP + 2 * registrations, (System.nanoTime() - t0) / 1e9);

            if (WARM_UP > 0) {
                var w = bench.run(warmUp, concurrency);
                System.out.printf(
                        "%nWarm-up (not counted): %d registrations, %d at once, %.1f s%n",
                        WARM_UP, concurrency, w.seconds());
                bench.check(warmUp, w);
            }
            var baseline = bench.run(single, 1);
            bench.print("One at a time (baseline)", baseline, registrations, 1);
            bench.check(single, baseline);
            var loaded = bench.run(concurrent, concurrency);
            bench.print(concurrency + " at once", loaded, registrations, concurrency);
            bench.check(concurrent, loaded);

            System.out.printf(
                    "%n%d at once against one at a time: (a) p95 %.1f ms vs %.1f ms (%.1f×), (b) p95 %.1f ms vs "
                            + "%.1f ms (%.1f×); throughput end to end %.1f vs %.1f registrations/s (%.1f×)%n",
                    concurrency,
                    loaded.sync().p95(),
                    baseline.sync().p95(),
                    loaded.sync().p95() / baseline.sync().p95(),
                    loaded.whole().p95(),
                    baseline.whole().p95(),
                    loaded.whole().p95() / baseline.whole().p95(),
                    registrations / loaded.seconds(),
                    registrations / baseline.seconds(),
                    baseline.seconds() / loaded.seconds());
            System.out.printf(
                    "Target (issue): report p95 with %d at once — (a) register() %.1f ms, (b) end to end %.1f ms "
                            + "(no threshold set)%n",
                    concurrency, loaded.sync().p95(), loaded.whole().p95());
            System.out.printf("Checks: %s%n", bench.failures.isEmpty() ? "all passed" : "FAILED: " + bench.failures);
        } finally {
            context.close();
        }
    }

    private final RegistrationStep step;
    private final PatronService patrons;
    private final IdentityChecks identityChecks;
    private final Fees fees;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final EmbeddedServers servers;
    private final String patronsDn;
    private final String groupDn;
    private final ThreadPoolTaskExecutor listeners;
    private final ConfigurableApplicationContext context;
    private final List<String> failures = new ArrayList<>();

    RegistrationStepBench(ConfigurableApplicationContext context) {
        this.step = context.getBean(RegistrationStep.class);
        this.patrons = context.getBean(PatronService.class);
        this.identityChecks = context.getBean(IdentityChecks.class);
        this.fees = context.getBean(Fees.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.servers = Objects.requireNonNull(EmbeddedServers.running());
        var env = context.getEnvironment();
        this.patronsDn = env.getRequiredProperty("registration.directory.patrons-dn");
        this.groupDn = "cn=" + env.getRequiredProperty("registration.directory.groups.patrons") + ","
                + env.getRequiredProperty("registration.directory.groups-dn");
        this.listeners = context.getBeansOfType(ThreadPoolTaskExecutor.class).get("applicationTaskExecutor");
        this.context = context;
    }

    /** Which executors exist, and the one the @ApplicationModuleListener methods run on (@Async's). */
    void describeExecutors() {
        var all = context.getBeansOfType(Executor.class);
        var names = new ArrayList<String>();
        all.forEach((name, e) -> names.add(name + " (" + e.getClass().getSimpleName() + ")"));
        System.out.printf("%nExecutor beans: %s%n", String.join(", ", names));
        if (listeners != null) {
            var pool = listeners.getThreadPoolExecutor();
            boolean unboundedQueue = pool.getQueue().remainingCapacity() == Integer.MAX_VALUE;
            System.out.printf(
                    "applicationTaskExecutor (what @Async, so @ApplicationModuleListener, uses): core %d, max %s, "
                            + "queue %s%s, threads %s*%n",
                    pool.getCorePoolSize(),
                    pool.getMaximumPoolSize() == Integer.MAX_VALUE ? "unbounded" : pool.getMaximumPoolSize(),
                    unboundedQueue ? "unbounded" : pool.getQueue().remainingCapacity(),
                    unboundedQueue ? " (so never more than " + pool.getCorePoolSize() + " listeners at once)" : "",
                    listeners.getThreadNamePrefix());
        }
        if (dataSourceIsHikari()) {
            System.out.printf(
                    "Database connection pool: %d connections at most; directory pool: %s connections%n",
                    hikari().getMaximumPoolSize(),
                    context.getEnvironment().getProperty("registration.directory.pool-size", "4 (default)"));
        }
    }

    // ---------------------------------------------------------------- preparation

    /** {@code n} patrons as the desk leaves them just before the registration step, prepared on {@code threads} threads. */
    List<Prepared> prepare(int n, int threads) throws Exception {
        var prepared = new ConcurrentLinkedQueue<Map.Entry<Integer, Prepared>>();
        var pool = Executors.newFixedThreadPool(threads);
        var next = new AtomicInteger();
        var errors = new ConcurrentLinkedQueue<Throwable>();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> signedIn("desk-prep", () -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try {
                        prepared.add(Map.entry(i, prepareOne()));
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " patrons could not be prepared", errors.peek());
        }
        return prepared.stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    private Prepared prepareOne() {
        int n = SEQUENCE.incrementAndGet();
        var email = "bench.step." + n + "@example.be";
        var draft = new PatronDraft(
                "Élodie",
                "Bench" + Integer.toString(n, 26).replaceAll("[0-9]", "x"),
                Gender.F,
                LocalDate.of(1950, 1, 1).plusDays(n % 20000),
                Language.FRE,
                "Extérieur",
                "AUTRE HE / UNIV",
                "Haute École Charlemagne",
                "PIB: Interlibrary Loan Services",
                null,
                null,
                List.of(
                        ContactDraft.email(email, ContactUsage.PERSONAL),
                        ContactDraft.phone("0475 " + String.format("%06d", n % 1_000_000), ContactUsage.MOBILE),
                        ContactDraft.address("Rue de la Cathédrale 12 bte 3", "4000", "Liège", "BE")));
        var patron = patrons.registerAtDesk(PatronKind.B, draft);
        identityChecks.recordIdentityCheck(patron.id(), IdentityDocument.BELGIAN_ID_CARD);
        var due = fees.chargeRegistration(patron.id());
        fees.payCash(due.stream().map(FeeLine::id).toList(), SITE);
        return new Prepared(patron.id(), patrons.details(patron.id()).version(), patron.primaryIdentifier(), email);
    }

    // ---------------------------------------------------------------- timing

    record Stats(double p50, double p95, double p99, double max) {
        static Stats of(List<Double> values) {
            var a = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(a);
            if (a.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(
                    a[a.length / 2],
                    a[(int) Math.floor(a.length * 0.95)],
                    a[(int) Math.floor(a.length * 0.99)],
                    a[a.length - 1]);
        }

        @Override
        public String toString() {
            return String.format("p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms", p50, p95, p99, max);
        }
    }

    record Result(
            Stats sync,
            Stats whole,
            Stats directorySeen,
            Stats mailSeen,
            Stats directoryStamped,
            Stats mailStamped,
            double seconds,
            long errors,
            double jvmCpu,
            double databaseCpu,
            Map<String, Long> statements,
            int maxQueued,
            double meanActive,
            int maxAwaitingConnection,
            int maxActiveConnections) {}

    /** One registration in flight, as the poller sees it (System.nanoTime; 0 while not seen). */
    static final class Watch {
        final long start;
        volatile long directoryAt;
        volatile long mailAt;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Watch(long start) {
            this.start = start;
        }
    }

    /** Runs the step for these patrons with {@code concurrency} operators, each waiting for its registration's after-commit work. */
    Result run(List<Prepared> batch, int concurrency) throws Exception {
        var watching = new ConcurrentHashMap<Long, Watch>();
        var stop = new AtomicBoolean();
        var maxQueued = new AtomicInteger();
        var activeSum = new AtomicLong();
        var samples = new AtomicLong();
        var maxAwaiting = new AtomicInteger();
        var maxConnections = new AtomicInteger();
        var poller = new Thread(
                () -> {
                    while (!stop.get()) {
                        if (!watching.isEmpty()) {
                            poll(watching);
                        }
                        if (listeners != null) {
                            maxQueued.accumulateAndGet(
                                    listeners.getThreadPoolExecutor().getQueue().size(), Math::max);
                            activeSum.addAndGet(listeners.getActiveCount());
                            samples.incrementAndGet();
                        }
                        if (dataSourceIsHikari()) {
                            var mx = hikari().getHikariPoolMXBean();
                            if (mx != null) {
                                maxAwaiting.accumulateAndGet(mx.getThreadsAwaitingConnection(), Math::max);
                                maxConnections.accumulateAndGet(mx.getActiveConnections(), Math::max);
                            }
                        }
                        LockSupport.parkNanos(POLL_NANOS);
                    }
                },
                "bench-poller");
        poller.setDaemon(true);

        var sync = new ConcurrentLinkedQueue<Double>();
        var whole = new ConcurrentLinkedQueue<Double>();
        var directorySeen = new ConcurrentLinkedQueue<Double>();
        var mailSeen = new ConcurrentLinkedQueue<Double>();
        var errors = new AtomicLong();
        var next = new AtomicInteger();
        var statementsBefore = PreRegistrationBenchmark.statements(dataSource);
        double jvmBefore = PreRegistrationBenchmark.jvmCpuSeconds();
        double databaseBefore = PreRegistrationBenchmark.databaseCpuSeconds();
        poller.start();
        long phaseStart = System.nanoTime();
        var pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            var operator = "desk" + w;
            pool.submit(() -> signedIn(operator, () -> {
                int i;
                while ((i = next.getAndIncrement()) < batch.size()) {
                    var p = batch.get(i);
                    long start = System.nanoTime();
                    try {
                        step.register(p.patronId(), p.version(), SITE);
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                        continue;
                    }
                    long returned = System.nanoTime();
                    var watch = new Watch(start);
                    watching.put(p.patronId(), watch);
                    try {
                        long end = watch.done.get(120, TimeUnit.SECONDS);
                        sync.add((returned - start) / 1e6);
                        whole.add((end - start) / 1e6);
                        directorySeen.add((watch.directoryAt - start) / 1e6);
                        mailSeen.add((watch.mailAt - start) / 1e6);
                    } catch (Exception e) {
                        watching.remove(p.patronId());
                        if (errors.incrementAndGet() == 1) {
                            System.out.println("Registration of patron " + p.patronId() + " not completed after the "
                                    + "commit within 120 s: " + e);
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        stop.set(true);
        poller.join();
        double jvmCpu = PreRegistrationBenchmark.jvmCpuSeconds() - jvmBefore;
        double databaseCpu = PreRegistrationBenchmark.databaseCpuSeconds() - databaseBefore;
        // The history row of PatronAccountWritten comes after DONE: let the registry settle before counting statements.
        awaitQuiet();
        var statementsAfter = PreRegistrationBenchmark.statements(dataSource);
        var perRegistration = new TreeMap<String, Long>();
        statementsAfter.forEach((k, v) -> perRegistration.put(k, v - statementsBefore.getOrDefault(k, 0L)));

        // The same split from the rows' own stamps (taken in the listeners before their commit; no polling).
        var ids = batch.stream().map(p -> String.valueOf(p.patronId())).toList();
        var directoryStamped = new ArrayList<Double>();
        var mailStamped = new ArrayList<Double>();
        jdbc.query(
                "select timestampdiff(microsecond, r.registered_at, d.completed_at), "
                        + "timestampdiff(microsecond, r.registered_at, r.welcome_mail_at) from registration r "
                        + "join directory_account d on d.patron_id = r.patron_id where r.patron_id in ("
                        + String.join(",", ids) + ")",
                row -> {
                    directoryStamped.add(row.getLong(1) / 1e3);
                    mailStamped.add(row.getLong(2) / 1e3);
                });
        return new Result(
                Stats.of(List.copyOf(sync)),
                Stats.of(List.copyOf(whole)),
                Stats.of(List.copyOf(directorySeen)),
                Stats.of(List.copyOf(mailSeen)),
                Stats.of(directoryStamped),
                Stats.of(mailStamped),
                seconds,
                errors.get(),
                jvmCpu,
                databaseCpu,
                perRegistration,
                maxQueued.get(),
                samples.get() == 0 ? 0 : activeSum.get() / (double) samples.get(),
                maxAwaiting.get(),
                maxConnections.get());
    }

    /** One statement for every registration in flight: marks what is done, completes those done with both. */
    private void poll(Map<Long, Watch> watching) {
        var ids = List.copyOf(watching.keySet());
        if (ids.isEmpty()) {
            return;
        }
        var sql = "select d.patron_id, d.state, r.welcome_mail from directory_account d join registration r "
                + "on r.patron_id = d.patron_id where d.patron_id in (" + "?,".repeat(ids.size() - 1) + "?)";
        jdbc.query(
                sql,
                row -> {
                    long now = System.nanoTime();
                    var watch = watching.get(row.getLong(1));
                    if (watch == null) {
                        return;
                    }
                    if (watch.directoryAt == 0 && "DONE".equals(row.getString(2))) {
                        watch.directoryAt = now;
                    }
                    if (watch.mailAt == 0 && "SENT".equals(row.getString(3))) {
                        watch.mailAt = now;
                    }
                    if (watch.directoryAt != 0 && watch.mailAt != 0) {
                        watching.remove(row.getLong(1));
                        watch.done.complete(now);
                    }
                },
                ids.toArray());
    }

    /** Waits (up to 30 s) until no event publication is incomplete. */
    private void awaitQuiet() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end
                && jdbc.queryForObject(
                                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Long.class)
                        > 0) {
            Thread.sleep(20);
        }
    }

    void print(String title, Result r, int registrations, int concurrency) {
        System.out.printf(
                "%n%s: %d registrations, %.1f s, %.1f registrations/s end to end, errors %d%n",
                title, registrations, r.seconds(), registrations / r.seconds(), r.errors());
        System.out.printf("  (a) register() returns (password shown)        %s%n", r.sync());
        System.out.printf("  (b) end to end: directory written, mail sent   %s%n", r.whole());
        System.out.printf("      directory DONE seen (from the call)        %s%n", r.directorySeen());
        System.out.printf("      welcome mail SENT seen (from the call)     %s%n", r.mailSeen());
        System.out.printf(
                "      stamped in the rows, registered_at → directory completed_at  %s%n", r.directoryStamped());
        System.out.printf("      stamped in the rows, registered_at → welcome_mail_at          %s%n", r.mailStamped());
        var s = r.statements();
        System.out.printf(
                "  Per registration: Java process CPU %.1f ms (application, directory, mail server, poller), "
                        + "database CPU %.1f ms; statements: insert %.1f, update %.1f, delete %.1f, commit %.1f, select %.1f "
                        + "(selects include the poller's)%n",
                r.jvmCpu() * 1000 / registrations,
                r.databaseCpu() * 1000 / registrations,
                s.getOrDefault("Com_insert", 0L) / (double) registrations,
                s.getOrDefault("Com_update", 0L) / (double) registrations,
                s.getOrDefault("Com_delete", 0L) / (double) registrations,
                s.getOrDefault("Com_commit", 0L) / (double) registrations,
                s.getOrDefault("Com_select", 0L) / (double) registrations);
        System.out.printf(
                "  Listener executor: at most %d tasks queued, %.1f threads busy on average; database pool: at most %d "
                        + "connections in use, at most %d threads waiting for one%n",
                r.maxQueued(), r.meanActive(), r.maxActiveConnections(), r.maxAwaitingConnection());
    }

    // ---------------------------------------------------------------- checks

    /** One directory entry and one welcome mail per patron of the phase; then the mailboxes emptied. */
    void check(List<Prepared> batch, Result result) throws Exception {
        int entriesOk = 0;
        int inGroup = 0;
        var members = new HashSet<String>();
        var group = servers.directory().getEntry(groupDn);
        if (group != null && group.getAttributeValues("member") != null) {
            for (var m : group.getAttributeValues("member")) {
                members.add(m.toLowerCase(Locale.ROOT));
            }
        }
        var wrong = new ArrayList<String>();
        for (var p : batch) {
            var found = servers.directory().search(patronsDn, SearchScope.SUB, "(uid=" + p.identifier() + ")");
            if (found.getEntryCount() == 1) {
                entriesOk++;
                if (members.contains(found.getSearchEntries().getFirst().getDN().toLowerCase(Locale.ROOT))) {
                    inGroup++;
                }
            } else if (wrong.size() < 5) {
                wrong.add(p.identifier() + ": " + found.getEntryCount());
            }
        }
        var welcome = new HashMap<String, Integer>();
        int other = 0;
        for (var m : servers.mail().getReceivedMessages()) {
            var subject = m.getSubject();
            if (subject != null && subject.startsWith("Bienvenue")) {
                welcome.merge(m.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else {
                other++;
            }
        }
        int mailsOk = 0;
        for (var p : batch) {
            if (welcome.getOrDefault(p.email().toLowerCase(Locale.ROOT), 0) == 1) {
                mailsOk++;
            }
        }
        int welcomeTotal = welcome.values().stream().mapToInt(Integer::intValue).sum();
        long retried = jdbc.queryForObject(
                "select count(*) from directory_account where attempts > 1 and patron_id in ("
                        + String.join(
                                ",",
                                batch.stream()
                                        .map(p -> String.valueOf(p.patronId()))
                                        .toList()) + ")",
                Long.class);
        boolean ok = entriesOk == batch.size()
                && inGroup == batch.size()
                && mailsOk == batch.size()
                && welcomeTotal == batch.size()
                && result.errors() == 0;
        System.out.printf(
                "  Checks: exactly one directory entry (uid=…, under %s) for %d of %d patrons, %d of them in the "
                        + "patrons' group%s; exactly one welcome mail for %d of %d patrons (%d welcome mails received, %d other "
                        + "mails); directory writes retried: %d -> %s%n",
                patronsDn,
                entriesOk,
                batch.size(),
                inGroup,
                wrong.isEmpty() ? "" : " (wrong: " + wrong + ")",
                mailsOk,
                batch.size(),
                welcomeTotal,
                other,
                retried,
                ok ? "OK" : "FAILED");
        if (!ok) {
            failures.add(batch.size() + " patrons: entries " + entriesOk + ", group " + inGroup + ", mails " + mailsOk
                    + "/" + welcomeTotal + ", errors " + result.errors());
        }
        // As in the pre-registration benchmark: GreenMail looks mailboxes up one by one, so they are
        // emptied between phases (a real mail server hands mails on).
        var users = servers.mail().getUserManager();
        for (var user : List.copyOf(users.listUser())) {
            users.deleteUser(user);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Runs as a desk operator signed in on this thread (as DeskFixtures.as in the tests). */
    static <T> T signedIn(String operator, Supplier<T> action) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                operator, "n/a", List.of(new SimpleGrantedAuthority("ROLE_DESK_OPERATOR"))));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private boolean dataSourceIsHikari() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class);
        } catch (SQLException e) {
            return false;
        }
    }

    private HikariDataSource hikari() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
