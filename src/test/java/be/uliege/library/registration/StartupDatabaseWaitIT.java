package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.embedded.EmbeddedServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile waits for a database that is not up yet (a container starting beside the
 * application) instead of stopping at the first refused connection. The database here is the
 * embedded MariaDB behind a port that only opens a few seconds after the application starts.
 */
@SpringBootTest
class StartupDatabaseWaitIT {

    private static final Duration DATABASE_LATE_BY = Duration.ofSeconds(4);

    private final String schema = "startup_wait_" + UUID.randomUUID().toString().substring(0, 8);
    private final String password = UUID.randomUUID().toString();
    private String rootUrl = "";
    private int databasePort;

    /** The embedded MariaDB checks no password (it runs without grant tables): any account will do. */
    @BeforeEach
    void createSchema() throws Exception {
        var jdbcUrl = Objects.requireNonNull(EmbeddedServers.running(), "embedded servers")
                .jdbcUrl();
        var m = Pattern.compile("jdbc:mariadb://127\\.0\\.0\\.1:(\\d+)/.*").matcher(jdbcUrl);
        assertThat(m.matches()).as(jdbcUrl).isTrue();
        databasePort = Integer.parseInt(m.group(1));
        rootUrl = "jdbc:mariadb://127.0.0.1:" + databasePort + "/";
        try (var c = DriverManager.getConnection(rootUrl, "root", "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var c = DriverManager.getConnection(rootUrl, "root", "");
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void theProdProfileWaitsForADatabaseThatComesUpLate() throws Exception {
        try (var late = LatePort.forwardingTo(databasePort, DATABASE_LATE_BY)) {
            long started = System.nanoTime();
            try (var context = prodApplication(late.port(), Map.of()).run()) {
                var waited = Duration.ofNanos(System.nanoTime() - started);
                assertThat(waited).isGreaterThanOrEqualTo(DATABASE_LATE_BY);
                var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                assertThat(jdbc.queryForObject(
                                "select count(*) from flyway_schema_history where success = 1", Integer.class))
                        .isPositive();
            }
        }
    }

    /** What the prod profile did before: one attempt, and the start failed at once. */
    @Test
    void withoutRetriesTheStartFailsAtTheFirstRefusedConnection() throws Exception {
        try (var late = LatePort.forwardingTo(databasePort, DATABASE_LATE_BY)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> prodApplication(late.port(), Map.of("DB_CONNECT_RETRIES", "0"))
                            .run()
                            .close())
                    .hasStackTraceContaining("Connection refused");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DATABASE_LATE_BY);
        }
    }

    /** The prod profile with only the database and Flyway: the other variables are set but nothing uses them. */
    private SpringApplicationBuilder prodApplication(int port, Map<String, Object> overrides) {
        var properties = new HashMap<String, Object>(Map.of(
                "DB_URL",
                "jdbc:mariadb://127.0.0.1:" + port + "/" + schema,
                "DB_USERNAME",
                schema,
                "DB_PASSWORD",
                password,
                "LDAP_URL",
                "ldap://127.0.0.1:1",
                "LDAP_BIND_DN",
                "cn=patron-registration,dc=uliege,dc=be",
                "LDAP_BIND_PASSWORD",
                UUID.randomUUID().toString(),
                "SMTP_HOST",
                "127.0.0.1",
                "PUBLIC_BASE_URL",
                "https://inscription.example.be",
                "CARD_CODE_SECRET",
                UUID.randomUUID().toString()));
        properties.put("PREREGISTRATION_CHALLENGE_SECRET", UUID.randomUUID().toString());
        properties.putAll(overrides);
        return new SpringApplicationBuilder(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class)
                .profiles("prod")
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties);
    }

    /** A port that refuses connections until {@code delay} has passed, then forwards them to {@code target}. */
    static final class LatePort implements AutoCloseable {

        private final int port;
        private final Thread opener;
        private volatile ServerSocket server;

        private LatePort(int port, Thread opener) {
            this.port = port;
            this.opener = opener;
        }

        static LatePort forwardingTo(int target, Duration delay) throws IOException {
            int port;
            try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            var holder = new LatePort[1];
            var opener = Thread.ofVirtual().unstarted(() -> {
                try {
                    Thread.sleep(delay);
                    var server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                    holder[0].server = server;
                    while (!server.isClosed()) {
                        var client = server.accept();
                        var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        Thread.ofVirtual().start(() -> pipe(client, upstream));
                        Thread.ofVirtual().start(() -> pipe(upstream, client));
                    }
                } catch (IOException | InterruptedException closed) {
                    // the test is over
                }
            });
            holder[0] = new LatePort(port, opener);
            opener.start();
            return holder[0];
        }

        int port() {
            return port;
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws Exception {
            opener.interrupt();
            var open = server;
            if (open != null) {
                open.close();
            }
            opener.join(2000);
        }
    }
}
