package be.uliege.library.registration.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The real OpenLDAP fixture: it starts, keeps its data across a restart, and binds with {SSHA} passwords. */
class SlapdIT {

    private static final String BASE = "dc=uliege,dc=be";
    private static final String PATRON = "uid=u123456,ou=patrons," + BASE;

    @Test
    void startsBindsPrehashedPasswordsAndKeepsItsDataAcrossARestart() throws Exception {
        var password = "Correct horse 42!";
        var slapd = Slapd.start(BASE);
        try (slapd) {
            assertThat(slapd.url()).isEqualTo("ldap://127.0.0.1:" + slapd.port());
            assertThat(slapd.baseDn()).isEqualTo(BASE);
            assertThat(slapd.bindDn()).isEqualTo("cn=admin," + BASE);

            try (var admin = slapd.connect()) {
                assertThat(admin.search(BASE, SearchScope.ONE, "(objectClass=organizationalUnit)", "ou")
                                .getSearchEntries())
                        .extracting(e -> e.getAttributeValue("ou"))
                        .containsExactlyInAnyOrder("staff", "groups", "patrons");
                admin.add(
                        "dn: " + PATRON,
                        "objectClass: inetOrgPerson",
                        "objectClass: shadowAccount",
                        "uid: u123456",
                        "cn: Marie Dupont",
                        "sn: Dupont",
                        "givenName: Marie",
                        "mail: marie.dupont@example.be",
                        "shadowExpire: 20000",
                        "userPassword: " + ssha(password));
                admin.add(
                        "dn: cn=library-patrons,ou=groups," + BASE,
                        "objectClass: groupOfNames",
                        "cn: library-patrons",
                        "member: " + PATRON);
            }
            assertBinds(slapd, password);

            int port = slapd.port();
            slapd.stop();
            assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", port).close())
                    .isInstanceOf(LDAPException.class);

            slapd.restart();
            assertThat(slapd.port()).isEqualTo(port);
            assertBinds(slapd, password);
            try (var admin = slapd.connect()) {
                assertThat(admin.getEntry("cn=library-patrons,ou=groups," + BASE)
                                .getAttributeValue("member"))
                        .isEqualTo(PATRON);
            }
            slapd.stop();
            slapd.stop(); // stopping twice is harmless
            assertThat(slapd.directory()).exists();
        }
        assertThat(slapd.directory()).doesNotExist();
    }

    /** The real server's result codes, which differ from the embedded directory's in places. */
    @Test
    void reportsSchemaViolationsWithOpenLdapsResultCodes() throws Exception {
        try (var slapd = Slapd.start(BASE);
                var admin = slapd.connect()) {
            assertThatThrownBy(() -> admin.add(
                            "dn: uid=x,ou=patrons," + BASE,
                            "objectClass: inetOrgPerson",
                            "uid: x",
                            "cn: X",
                            "sn: X",
                            "noSuchAttribute: y"))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNDEFINED_ATTRIBUTE_TYPE));
            assertThatThrownBy(() ->
                            admin.add("dn: uid=x,ou=patrons," + BASE, "objectClass: inetOrgPerson", "uid: x", "cn: X"))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.OBJECT_CLASS_VIOLATION));
        }
    }

    private static void assertBinds(Slapd slapd, String password) throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", slapd.port())) {
            assertThat(connection.bind(PATRON, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(PATRON, password + "x"))
                    .isInstanceOfSatisfying(
                            LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }

    /** {SSHA} as the application writes it: base64(sha1(password + salt) + salt), with an 8-byte random salt. */
    private static String ssha(String password) throws NoSuchAlgorithmException {
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
