package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compose file's directory container, without Docker: docker/ldap/entrypoint.sh run as the
 * container runs it (its paths moved to a temporary folder) with Debian's slapd. The first start
 * loads the bootstrap, the application's service account binds and writes a patron, a second start
 * on the same data keeps it and does not load the bootstrap again.
 */
class LdapEntrypointIT {

    private static final String BASE = "dc=uliege,dc=be";
    private static final String SERVICE = "cn=patron-registration," + BASE;
    private static final String PATRON = "uid=B100077,ou=patrons," + BASE;

    private final String adminPassword = "admin-" + UUID.randomUUID();
    private final String servicePassword = "service-" + UUID.randomUUID();
    private Path folder;
    private int port;

    @BeforeEach
    void folder() throws IOException {
        // slapd drops to the openldap user when started as root: it must reach the folders.
        folder = Files.createTempDirectory(
                "ldap-entrypoint-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void delete() throws IOException {
        try (var paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void theFirstStartLoadsTheBootstrapAndALaterStartKeepsTheData() throws Exception {
        var first = start();
        try {
            assertThat(log(first)).contains("Empty directory: loading bootstrap.ldif under " + BASE);
            try (var service = bound(SERVICE, servicePassword)) {
                assertThat(service.search("ou=groups," + BASE, SearchScope.ONE, "(objectClass=groupOfNames)", "cn")
                                .getEntryCount())
                        .isEqualTo(4);
                service.add(new Entry(
                        PATRON,
                        new Attribute("objectClass", "inetOrgPerson", "shadowAccount"),
                        new Attribute("uid", "B100077"),
                        new Attribute("cn", "Marie Dupont"),
                        new Attribute("sn", "Dupont"),
                        new Attribute("shadowExpire", "21000")));
                service.modify(
                        "cn=library-patrons,ou=groups," + BASE,
                        new Modification(ModificationType.ADD, "member", PATRON));
            }
            bound("cn=admin," + BASE, adminPassword).close();
        } finally {
            stop(first);
        }
        var second = start();
        try {
            try (var service = bound(SERVICE, servicePassword)) {
                assertThat(service.getEntry(PATRON)).isNotNull();
                assertThat(service.getEntry("cn=library-patrons,ou=groups," + BASE)
                                .getAttributeValues("member"))
                        .contains(PATRON);
            }
            assertThat(log(second)).doesNotContain("Empty directory");
        } finally {
            stop(second);
        }
    }

    private Process start() throws Exception {
        var command = new ProcessBuilder("sh", "docker/ldap/entrypoint.sh")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("out.log").toFile()));
        Files.writeString(
                folder.resolve("out.log"),
                "--- start\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        var env = command.environment();
        env.put("LDAP_BASE_DN", BASE);
        env.put("LDAP_ADMIN_PASSWORD", adminPassword);
        env.put("LDAP_SERVICE_PASSWORD", servicePassword);
        env.put("SLAPD_TEMPLATES", Path.of("docker/ldap").toAbsolutePath().toString());
        env.put("SLAPD_CONF_DIR", folder.resolve("conf").toString());
        env.put("SLAPD_DATA_DIR", folder.resolve("data").toString());
        env.put("SLAPD_RUN_DIR", folder.resolve("run").toString());
        env.put("SLAPD_URLS", "ldap://127.0.0.1:" + port + "/");
        if (!"root".equals(System.getProperty("user.name"))) {
            env.put("SLAPD_USER", ""); // only root can switch to openldap
        }
        var process = command.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                bound(SERVICE, servicePassword).close();
                return process;
            } catch (LDAPException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop(process);
                    throw new AssertionError("the directory did not start:\n" + log(process), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** The log of the latest start. */
    private String log(Process ignored) throws IOException {
        var all = Files.readString(folder.resolve("out.log"), StandardCharsets.UTF_8);
        return all.substring(all.lastIndexOf("--- start"));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // entrypoint.sh execs slapd: SIGTERM reaches it and it closes its database
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private LDAPConnection bound(String dn, String password) throws LDAPException {
        var connection = new LDAPConnection("127.0.0.1", port);
        try {
            connection.bind(dn, password);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }
}
