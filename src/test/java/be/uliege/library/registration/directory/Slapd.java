package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A private, real OpenLDAP server (Debian's {@code slapd} 2.5) for integration tests.
 *
 * <p>Most directory tests run against the embedded UnboundID directory, which is quick but is not
 * the server the university runs: its schema, error codes and password handling differ. This class
 * starts an actual {@code slapd} so that the registration step (writing patron accounts with
 * {@code inetOrgPerson}, {@code shadowAccount} and {@code groupOfNames}, and pre-hashed
 * {@code {SSHA}} passwords) can be checked against the real thing.
 *
 * <p>Each instance lives in its own temporary directory: a generated {@code slapd.conf} (schemas
 * core, cosine, nis and inetorgperson), an {@code mdb} database for the given suffix with the root
 * account {@code cn=admin,<suffix>} and a random password, and slapd's log. It listens only on
 * {@code ldap://127.0.0.1:<free port>/}, runs as the current user, and already holds the base entry
 * and the branches {@code ou=staff}, {@code ou=groups} and {@code ou=patrons}; or, from
 * {@link #startEmpty(String, String)}, nothing at all under other access rules (the compose file's
 * directory, {@code docker/ldap}). {@link #stop()} keeps
 * the data so that {@link #restart()} serves it again on the same port; {@link #close()} removes
 * everything. If {@code /usr/sbin/slapd} is missing, {@link #start(String)} fails rather than
 * skipping the test: the build machines are expected to have it.
 */
final class Slapd implements AutoCloseable {

    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
    private static final Path MODULES = Path.of("/usr/lib/ldap");
    private static final List<String> SCHEMA_NAMES = List.of("core", "cosine", "nis", "inetorgperson");
    private static final List<String> BRANCHES = List.of("staff", "groups", "patrons");
    private static final long READY_TIMEOUT_MILLIS = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    /** The access rules Debian's package installs: passwords serve only to bind. */
    private static final String DEBIAN_ACCESS_RULES = """
            access to attrs=userPassword,shadowLastChange by self write by anonymous auth by * none
            access to * by * read
            """;

    private final Path directory;
    private final String baseDn;
    private final Entry baseEntry;
    private final String bindPassword;
    private final String accessRules;
    private final boolean passwordPolicy;
    private final Thread shutdownHook;
    private int port;
    private volatile @Nullable Process process;
    private boolean closed;

    private Slapd(Path directory, Entry baseEntry, String bindPassword, String accessRules, boolean passwordPolicy) {
        this.directory = directory;
        this.accessRules = accessRules;
        this.passwordPolicy = passwordPolicy;
        this.baseDn = baseEntry.getDN();
        this.baseEntry = baseEntry;
        this.bindPassword = bindPassword;
        // A test that forgets close(), or a JVM stopped half-way, must not leave slapd running
        // nor its files behind. Not synchronized: the JVM may be exiting while a test holds the lock.
        this.shutdownHook = new Thread(
                () -> {
                    kill();
                    deleteDirectoryQuietly();
                },
                "slapd-shutdown");
    }

    /** Starts a new, empty server for {@code baseDn} (such as {@code dc=uliege,dc=be}) with its three branches. */
    static Slapd start(String baseDn) {
        return start(baseDn, DEBIAN_ACCESS_RULES, true, false);
    }

    /**
     * As {@link #start(String)}, with OpenLDAP's password policy overlay (ppolicy), which defines
     * {@code pwdReset}: "the password must be changed at the next login" (R-DESK-8).
     */
    static Slapd startWithPasswordPolicy(String baseDn) {
        return start(baseDn, DEBIAN_ACCESS_RULES, true, true);
    }

    /**
     * Starts a new server for {@code baseDn} under the given access rules (slapd.conf {@code access}
     * lines, such as {@code docker/ldap/access.conf}) that holds no entry, not even the base: the
     * caller loads its own, as the root account.
     */
    static Slapd startEmpty(String baseDn, String accessRules) {
        return start(baseDn, accessRules, false, false);
    }

    private static Slapd start(String baseDn, String accessRules, boolean withBranches, boolean passwordPolicy) {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException(
                    SLAPD + " is missing: install Debian's slapd package to run the directory tests");
        }
        var baseEntry = baseEntry(baseDn);
        Slapd slapd;
        try {
            slapd = new Slapd(
                    Files.createTempDirectory("slapd-"), baseEntry, randomPassword(), accessRules, passwordPolicy);
            slapd.writeConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare slapd's directory", e);
        }
        Runtime.getRuntime().addShutdownHook(slapd.shutdownHook);
        try {
            slapd.launchOnFreePort();
            if (withBranches) {
                slapd.addBaseEntries();
            }
        } catch (RuntimeException | Error e) {
            slapd.close();
            throw e;
        }
        return slapd;
    }

    /** {@code ldap://127.0.0.1:PORT}. */
    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String baseDn() {
        return baseDn;
    }

    /** The root account, {@code cn=admin,<baseDn>}, which no access rule restricts. */
    String bindDn() {
        return "cn=admin," + baseDn;
    }

    String bindPassword() {
        return bindPassword;
    }

    /** The temporary directory holding the configuration, the database and {@code slapd.log}. */
    Path directory() {
        return directory;
    }

    /** A new connection bound as {@link #bindDn()}; the caller closes it. */
    LDAPConnection connect() throws LDAPException {
        var connection = new LDAPConnection(options(), "127.0.0.1", port);
        try {
            connection.bind(bindDn(), bindPassword);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** Stops the server and keeps its data for {@link #restart()}. Does nothing if it is not running. */
    synchronized void stop() {
        kill();
    }

    /** Starts the server again on the same port with the data it had (stopping it first if it runs). */
    synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("This slapd has been closed");
        }
        kill();
        launch();
    }

    /** Stops the server and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it finds nothing left to stop or delete
        }
        deleteDirectory();
    }

    private void writeConfiguration() throws IOException {
        var data = Files.createDirectory(directory.resolve("data"));
        var config = new StringBuilder();
        for (var schema : SCHEMA_NAMES) {
            config.append("include ")
                    .append(quoted(SCHEMAS.resolve(schema + ".schema")))
                    .append('\n');
        }
        config.append("pidfile ")
                .append(quoted(directory.resolve("slapd.pid")))
                .append('\n')
                .append("argsfile ")
                .append(quoted(directory.resolve("slapd.args")))
                .append('\n')
                // Debian builds the backends as modules: without this, "Unrecognized database type (mdb)".
                .append("modulepath ")
                .append(quoted(MODULES))
                .append('\n')
                .append("moduleload back_mdb\n")
                .append(passwordPolicy ? "moduleload ppolicy\n" : "")
                .append("database mdb\n")
                .append("suffix ")
                .append(quoted(baseDn))
                .append('\n')
                .append("rootdn ")
                .append(quoted(bindDn()))
                .append('\n')
                .append("rootpw ")
                .append(bindPassword)
                .append('\n')
                .append("directory ")
                .append(quoted(data))
                .append('\n')
                // The map file is sparse: a generous ceiling costs nothing and avoids MDB_MAP_FULL.
                .append("maxsize 268435456\n")
                // Data must survive stop()/restart(), not a power cut: skip fsync for speed.
                .append("dbnosync\n")
                .append(passwordPolicy ? "overlay ppolicy\n" : "")
                .append(accessRules);
        var file = directory.resolve("slapd.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        // It holds the root password in clear.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** The port from ServerSocket(0) may be taken again before slapd binds it: try a few. */
    private void launchOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                launch();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private void launch() {
        var log = directory.resolve("slapd.log");
        var command = List.of(
                SLAPD.toString(),
                // "-d none" keeps slapd in the foreground and still prints its errors;
                // "-d 0" would also stay in the foreground but print nothing, even on failure.
                "-d",
                "none",
                "-f",
                directory.resolve("slapd.conf").toString(),
                "-h",
                "ldap://127.0.0.1:" + port + "/");
        long logStart;
        Process started;
        try {
            logStart = Files.exists(log) ? Files.size(log) : 0;
            started = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + SLAPD, e);
        }
        process = started;
        awaitReady(started, log, logStart);
    }

    /** Polls until slapd answers an LDAP request; fails with its log if it exits first or takes too long. */
    private void awaitReady(Process started, Path log, long logStart) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (true) {
            if (!started.isAlive()) {
                process = null;
                throw new IllegalStateException("slapd exited with code " + started.exitValue() + " on port " + port
                        + ":\n" + logSince(log, logStart));
            }
            try (var connection = new LDAPConnection(options(), "127.0.0.1", port)) {
                // Reading the root DSE proves it is an LDAP server, and ours, not merely an open port.
                var rootDse = connection.getRootDSE();
                if (rootDse != null && servesBaseDn(rootDse.getNamingContextDNs()) && started.isAlive()) {
                    return;
                }
            } catch (LDAPException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("slapd did not answer on port " + port + " within "
                        + READY_TIMEOUT_MILLIS + " ms:\n" + logSince(log, logStart));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException("Interrupted while waiting for slapd", e);
            }
        }
    }

    private boolean servesBaseDn(String @Nullable [] namingContexts) throws LDAPException {
        if (namingContexts == null) {
            return false;
        }
        for (var context : namingContexts) {
            if (new DN(context).equals(new DN(baseDn))) {
                return true;
            }
        }
        return false;
    }

    private void addBaseEntries() {
        try (var connection = connect()) {
            connection.add(baseEntry);
            for (var branch : BRANCHES) {
                connection.add(new Entry(
                        "ou=" + branch + "," + baseDn,
                        List.of(
                                new Attribute("objectClass", "top", "organizationalUnit"),
                                new Attribute("ou", branch))));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(
                    "Cannot create the base entries under " + baseDn + ": " + e.getMessage(), e);
        }
    }

    /** The suffix's own entry, whose structural class depends on the attribute that names it. */
    private static Entry baseEntry(String baseDn) {
        RDN rdn;
        String dn;
        try {
            var parsed = new DN(baseDn);
            rdn = parsed.getRDN();
            dn = parsed.toString();
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Not a DN: " + baseDn, e);
        }
        if (rdn == null || rdn.isMultiValued()) {
            throw new IllegalArgumentException("A base DN needs a single-valued first RDN: " + baseDn);
        }
        var value = rdn.getAttributeValues()[0];
        var objectClass = switch (rdn.getAttributeNames()[0].toLowerCase(Locale.ROOT)) {
            case "dc" -> "domain";
            case "o" -> "organization";
            case "ou" -> "organizationalUnit";
            default -> throw new IllegalArgumentException("A base DN must start with dc=, o= or ou=: " + baseDn);
        };
        return new Entry(
                dn,
                List.of(
                        new Attribute("objectClass", "top", objectClass),
                        new Attribute(rdn.getAttributeNames()[0], value)));
    }

    /** SIGTERM lets slapd close the database cleanly; SIGKILL only if it hangs. */
    private void kill() {
        var running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void deleteDirectoryQuietly() {
        try {
            deleteDirectory();
        } catch (UncheckedIOException ignored) {
            // at JVM exit there is no one left to tell
        }
    }

    private void deleteDirectory() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    private String logSince(Path log, long offset) {
        try {
            var bytes = Files.readAllBytes(log);
            return new String(
                    bytes,
                    (int) Math.min(offset, bytes.length),
                    (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static LDAPConnectionOptions options() {
        var options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(1_000);
        options.setResponseTimeoutMillis(5_000);
        return options;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** slapd.conf's quoting: backslashes and double quotes escaped inside double quotes. */
    private static String quoted(Object value) {
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
