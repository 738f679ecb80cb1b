package be.uliege.library.registration.embedded;

import be.uliege.library.registration.directory.DirectorySettings;
import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.schema.Schema;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory directory of the embedded defaults: the base DN, the staff, group and patron
 * branches, one group per staff role, the patrons' group and the demo staff accounts. Passwords
 * are stored salted and hashed (SSHA-256), as a real directory would.
 */
final class EmbeddedDirectory {

    static final String MANAGER_DN = "cn=Directory Manager";

    /** A demo staff account: sign in with this uid and password. */
    record DemoStaff(String uid, String password, String givenName, String surname, List<String> roles) {}

    static List<DemoStaff> demoStaff(DirectorySettings settings) {
        var g = settings.groups();
        return List.of(
                new DemoStaff("operator", "demo-operator", "Olivia", "Opérateur", List.of(g.deskOperator())),
                new DemoStaff(
                        "manager", "demo-manager", "Marc", "Gestionnaire", List.of(g.deskOperator(), g.deskManager())),
                new DemoStaff(
                        "admin",
                        "demo-admin",
                        "Anne",
                        "Administratrice",
                        List.of(g.deskOperator(), g.deskManager(), g.userAdministrator())),
                new DemoStaff("visitor", "demo-visitor", "Victor", "Sansrôle", List.of()));
    }

    private EmbeddedDirectory() {}

    static InMemoryDirectoryServer start(DirectorySettings settings, String managerPassword) throws Exception {
        var config = new InMemoryDirectoryServerConfig(settings.baseDn());
        config.addAdditionalBindCredentials(MANAGER_DN, managerPassword);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), DirectorySchema.rfc2307Extras()));
        // SSHA-256 for what arrives in clear; the patrons' passwords arrive hashed already (salted
        // SHA-1, -256 or -512, as a real OpenLDAP reads them) and are kept as they are.
        config.setPasswordEncoders(
                encoder("{SSHA256}", "SHA-256", 16), encoder("{SSHA}", "SHA-1", 8), encoder("{SSHA512}", "SHA-512", 8));
        var server = new InMemoryDirectoryServer(config);
        server.startListening();
        seed(server, settings);
        return server;
    }

    private static void seed(InMemoryDirectoryServer server, DirectorySettings settings) throws Exception {
        var base = new DN(settings.baseDn());
        var baseRdn = base.getRDN();
        server.add(new Entry(
                base,
                new Attribute("objectClass", "top", "domain"),
                new Attribute(baseRdn.getAttributeNames()[0], baseRdn.getAttributeValues()[0])));
        for (var branch : List.of(settings.staffDn(), settings.groupsDn(), settings.patronsDn())) {
            if (server.getEntry(branch) == null) {
                var rdn = new DN(branch).getRDN();
                server.add(new Entry(
                        branch,
                        new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", rdn.getAttributeValues()[0])));
            }
        }
        var staff = demoStaff(settings);
        var g = settings.groups();
        for (var group : List.of(g.deskOperator(), g.deskManager(), g.userAdministrator(), g.patrons())) {
            var members = new ArrayList<String>();
            for (var person : staff) {
                if (person.roles().contains(group)) {
                    members.add(staffDn(settings, person.uid()));
                }
            }
            // groupOfNames needs at least one member: the group's own DN stands in for an empty group.
            if (members.isEmpty()) {
                members.add(settings.groupDn(group));
            }
            server.add(new Entry(
                    settings.groupDn(group),
                    new Attribute("objectClass", "top", "groupOfNames"),
                    new Attribute("cn", group),
                    new Attribute("member", members)));
        }
        for (var person : staff) {
            server.add(new Entry(
                    staffDn(settings, person.uid()),
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("uid", person.uid()),
                    new Attribute("cn", person.givenName() + " " + person.surname()),
                    new Attribute("givenName", person.givenName()),
                    new Attribute("sn", person.surname()),
                    new Attribute("mail", person.uid() + "@demo.invalid"),
                    new Attribute("userPassword", person.password())));
        }
    }

    private static SaltedMessageDigestInMemoryPasswordEncoder encoder(String prefix, String algorithm, int saltBytes)
            throws NoSuchAlgorithmException {
        return new SaltedMessageDigestInMemoryPasswordEncoder(
                prefix,
                Base64PasswordEncoderOutputFormatter.getInstance(),
                MessageDigest.getInstance(algorithm),
                saltBytes,
                true,
                true);
    }

    static String staffDn(DirectorySettings settings, String uid) {
        return new DN(new RDN("uid", uid), safeDn(settings.staffDn())).toString();
    }

    private static DN safeDn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Invalid DN in the directory settings: " + dn, e);
        }
    }
}
