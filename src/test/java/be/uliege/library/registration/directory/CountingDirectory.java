package be.uliege.library.registration.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A directory of its own for tests that count what the application asks of it: an UnboundID
 * in-memory server, with an operation interceptor that writes down every search and bind (its
 * kind, and for a bind whether it is the service account), seeded with one desk operator,
 * {@code alice} / {@code alice-password}.
 */
public final class CountingDirectory implements AutoCloseable {

    public static final String UID = "alice";
    public static final String PASSWORD = "alice-password";
    private static final String SERVICE_DN = "cn=service";
    private static final String SERVICE_PASSWORD = "service-password";

    private final InMemoryDirectoryServer server;
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final DirectorySettings settings;
    private final DirectoryConnections connections;

    public CountingDirectory() throws Exception {
        var config = new InMemoryDirectoryServerConfig("dc=test");
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                operations.add("search");
            }

            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                operations.add(SERVICE_DN.equals(request.getRequest().getBindDN()) ? "bind service" : "bind");
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.add(new Entry("dc=test", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "test")));
        for (var ou : List.of("staff", "groups", "patrons")) {
            server.add(new Entry(
                    "ou=" + ou + ",dc=test",
                    new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", ou)));
        }
        server.add(new Entry(
                "uid=" + UID + ",ou=staff,dc=test",
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", UID),
                new Attribute("cn", "Alice Test"),
                new Attribute("sn", "Test"),
                new Attribute("userPassword", PASSWORD)));
        server.add(new Entry(
                "cn=operators,ou=groups,dc=test",
                new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("cn", "operators"),
                new Attribute("member", "uid=" + UID + ",ou=staff,dc=test")));
        settings = new DirectorySettings(
                "ldap://127.0.0.1:" + server.getListenPort(),
                SERVICE_DN,
                SERVICE_PASSWORD,
                "dc=test",
                "ou=staff,dc=test",
                "ou=groups,dc=test",
                "ou=patrons,dc=test",
                new DirectorySettings.Groups("operators", "managers", "administrators", "patrons"),
                1,
                Duration.ofSeconds(5),
                "SSHA");
        connections = new DirectoryConnections(settings);
        connections.pool().getRootDSE(); // a first connection, bound now: not counted
        operations.clear();
    }

    public DirectorySettings settings() {
        return settings;
    }

    /** The application's staff sign-in, against this directory. */
    public StaffDirectory staffDirectory() {
        return new StaffDirectory(connections, settings);
    }

    /** What was asked since the last call, in order; forgets it. */
    public List<String> takeOperations() {
        synchronized (operations) {
            var taken = List.copyOf(operations);
            operations.clear();
            return taken;
        }
    }

    @Override
    public void close() {
        connections.destroy();
        server.shutDown(true);
    }
}
