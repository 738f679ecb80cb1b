package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose file's directory (docker/ldap): its bootstrap LDIF and access rules loaded into a real
 * slapd, then used as the application uses it, bound as the service account rather than the root
 * account (R-INT-1 patrons' accounts, R-DESK-1 staff sign-in). What the application does not need is
 * refused.
 */
class DirectoryBootstrapIT {

    private static final String BASE = "dc=uliege,dc=be";
    private static final String SERVICE = "cn=patron-registration," + BASE;
    private static final String PATRONS_GROUP = "cn=library-patrons,ou=groups," + BASE;
    private static final String OPERATORS_GROUP = "cn=library-desk-operators,ou=groups," + BASE;
    private static final String STAFF = "uid=jdoe,ou=staff," + BASE;
    private static final String PATRON = "uid=B100042,ou=patrons," + BASE;

    private static final String servicePassword = "svc-" + random();
    private static final String staffPassword = "staff-" + random();
    private static Slapd slapd;

    @BeforeAll
    static void loadTheBootstrap() throws Exception {
        slapd = Slapd.startEmpty(BASE, fill(Files.readString(Path.of("docker/ldap/access.conf"))));
        try (var admin = slapd.connect();
                var ldif = new LDIFReader(
                        new ByteArrayInputStream(fill(Files.readString(Path.of("docker/ldap/bootstrap.ldif")))
                                .getBytes(StandardCharsets.UTF_8)))) {
            Entry entry;
            while ((entry = ldif.readEntry()) != null) {
                admin.add(entry);
            }
            // What the operator adds: a staff member in the desk operators' group.
            admin.add(new Entry(
                    STAFF,
                    new Attribute("objectClass", "inetOrgPerson"),
                    new Attribute("uid", "jdoe"),
                    new Attribute("cn", "Jane Doe"),
                    new Attribute("sn", "Doe"),
                    new Attribute("userPassword", ssha(staffPassword))));
            admin.modify(OPERATORS_GROUP, new Modification(ModificationType.ADD, "member", STAFF));
        }
    }

    @AfterAll
    static void stop() {
        slapd.close();
    }

    @Test
    void theBootstrapHoldsTheBranchesTheGroupsOfTheApplicationAndItsServiceAccount() throws Exception {
        var groups = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            groups.load(in);
        }
        var expected = new ArrayList<String>();
        for (var role : List.of("desk-operator", "desk-manager", "user-administrator", "patrons")) {
            expected.add(groups.getProperty("registration.directory.groups." + role));
        }
        try (var admin = slapd.connect()) {
            assertThat(admin.search(BASE, SearchScope.ONE, "(objectClass=organizationalUnit)", "ou")
                            .getSearchEntries())
                    .extracting(e -> e.getAttributeValue("ou"))
                    .containsExactlyInAnyOrder("staff", "groups", "patrons");
            assertThat(admin.search("ou=groups," + BASE, SearchScope.ONE, "(objectClass=groupOfNames)", "cn")
                            .getSearchEntries())
                    .extracting(e -> e.getAttributeValue("cn"))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        try (var service = bound(SERVICE, servicePassword)) {
            assertThat(service.getEntry(BASE))
                    .as("the health check reads the base entry")
                    .isNotNull();
        }
    }

    @Test
    void theServiceAccountSignsStaffInAndReadsTheirRoles() throws Exception {
        try (var service = bound(SERVICE, servicePassword)) {
            var found = service.search("ou=staff," + BASE, SearchScope.SUB, "(uid=jdoe)", "uid", "cn", "userPassword");
            assertThat(found.getSearchEntries()).singleElement().satisfies(e -> {
                assertThat(e.getAttributeValue("cn")).isEqualTo("Jane Doe");
                assertThat(e.hasAttribute("userPassword"))
                        .as("staff passwords are never read")
                        .isFalse();
            });
            service.bind(STAFF, staffPassword); // StaffDirectory checks the password by binding
        }
        try (var service = bound(SERVICE, servicePassword)) {
            assertThat(service.search("ou=groups," + BASE, SearchScope.SUB, "(member=" + STAFF + ")", "cn")
                            .getSearchEntries())
                    .extracting(e -> e.getAttributeValue("cn"))
                    .containsExactly("library-desk-operators");
        }
    }

    @Test
    void theServiceAccountWritesDisablesAndRemovesPatronAccountsAndTheirGroupMembership() throws Exception {
        var patronPassword = "patron-" + random();
        try (var service = bound(SERVICE, servicePassword)) {
            service.add(new Entry(
                    PATRON,
                    new Attribute(
                            "objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "shadowAccount"),
                    new Attribute("uid", "B100042"),
                    new Attribute("cn", "Marie Dupont"),
                    new Attribute("sn", "Dupont"),
                    new Attribute("givenName", "Marie"),
                    new Attribute("userPassword", ssha(patronPassword)),
                    new Attribute("shadowExpire", "21000"),
                    new Attribute("shadowLastChange", "20400")));
            service.modify(PATRONS_GROUP, new Modification(ModificationType.ADD, "member", PATRON));
            service.modify(
                    PATRON,
                    new Modification(ModificationType.REPLACE, "mail", "marie@example.be"),
                    new Modification(ModificationType.REPLACE, "shadowExpire", "21365"));
        }
        try (var patron = bound(PATRON, patronPassword)) {
            assertThat(patron.getEntry(PATRON).getAttributeValue("mail")).isEqualTo("marie@example.be");
        }
        try (var service = bound(SERVICE, servicePassword)) {
            // PatronAccountWriter.disable: password removed, out of the group, shadowExpire 1.
            service.modify(
                    PATRON,
                    new Modification(ModificationType.REPLACE, "userPassword"),
                    new Modification(ModificationType.REPLACE, "shadowExpire", "1"));
            service.modify(PATRONS_GROUP, new Modification(ModificationType.DELETE, "member", PATRON));
            assertThat(service.getEntry(PATRONS_GROUP).getAttributeValues("member"))
                    .doesNotContain(PATRON);
        }
        assertThatThrownBy(() -> bound(PATRON, patronPassword).close())
                .isInstanceOfSatisfying(
                        LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        try (var service = bound(SERVICE, servicePassword)) {
            service.delete(PATRON);
        }
    }

    @Test
    void theServiceAccountCannotWriteAnythingElse() throws Exception {
        try (var service = bound(SERVICE, servicePassword)) {
            assertRefused(() -> service.add(new Entry(
                    "uid=intruder,ou=staff," + BASE,
                    new Attribute("objectClass", "inetOrgPerson"),
                    new Attribute("uid", "intruder"),
                    new Attribute("cn", "Intruder"),
                    new Attribute("sn", "Intruder"))));
            assertRefused(
                    () -> service.modify(OPERATORS_GROUP, new Modification(ModificationType.ADD, "member", SERVICE)));
            assertRefused(() -> service.modify(
                    "cn=library-user-administrators,ou=groups," + BASE,
                    new Modification(ModificationType.ADD, "member", SERVICE)));
            assertRefused(() -> service.modify(PATRONS_GROUP, new Modification(ModificationType.REPLACE, "cn", "x")));
            assertRefused(() -> service.modify(STAFF, new Modification(ModificationType.REPLACE, "userPassword", "x")));
            assertRefused(
                    () -> service.modify(SERVICE, new Modification(ModificationType.REPLACE, "description", "x")));
            assertRefused(() -> service.add(new Entry(
                    "ou=elsewhere," + BASE,
                    new Attribute("objectClass", "organizationalUnit"),
                    new Attribute("ou", "elsewhere"))));
            assertRefused(() -> service.delete("ou=staff," + BASE));
        }
        try (var anonymous = new LDAPConnection("127.0.0.1", slapd.port())) {
            assertThat(anonymous.getRootDSE())
                    .as("the root DSE stays readable (health checks)")
                    .isNotNull();
            assertThat(anonymous
                            .search(BASE, SearchScope.SUB, "(objectClass=*)")
                            .getEntryCount())
                    .isZero();
        } catch (LDAPException e) {
            assertThat(e.getResultCode()).isEqualTo(ResultCode.NO_SUCH_OBJECT); // nothing disclosed either way
        }
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable write) {
        assertThatThrownBy(write)
                .isInstanceOfSatisfying(
                        LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
    }

    private static LDAPConnection bound(String dn, String password) throws LDAPException {
        var connection = new LDAPConnection("127.0.0.1", slapd.port());
        try {
            connection.bind(dn, password);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** What docker/ldap/entrypoint.sh fills in. */
    private static String fill(String template) throws Exception {
        return template.replace("@BASE_DN@", BASE)
                .replace("@DC@", "uliege")
                .replace("@SERVICE_PASSWORD_HASH@", ssha(servicePassword));
    }

    private static String random() {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String ssha(String password) throws Exception {
        var salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        var sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        var digest = sha1.digest();
        var hashAndSalt = new byte[digest.length + salt.length];
        System.arraycopy(digest, 0, hashAndSalt, 0, digest.length);
        System.arraycopy(salt, 0, hashAndSalt, digest.length, salt.length);
        return "{SSHA}" + Base64.getEncoder().encodeToString(hashAndSalt);
    }
}
