package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The pool of connections to the directory, bound as the service account. Opened on first use,
 * so that the application starts (and reports the directory as down) while the directory is
 * unreachable, and reopened after a failed attempt.
 */
@Component
public class DirectoryConnections implements DisposableBean {

    private final DirectorySettings settings;
    private @Nullable LDAPConnectionPool pool;

    DirectoryConnections(DirectorySettings settings) {
        this.settings = settings;
    }

    /** The open pool. */
    public synchronized LDAPConnectionPool pool() throws LDAPException {
        if (pool == null || pool.isClosed()) {
            pool = open();
        }
        return pool;
    }

    private LDAPConnectionPool open() throws LDAPException {
        var url = new LDAPURL(settings.url());
        var options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.timeout().toMillis());
        options.setResponseTimeoutMillis(settings.timeout().toMillis());
        SocketFactory sockets;
        try {
            sockets = "ldaps".equalsIgnoreCase(url.getScheme())
                    ? new SSLUtil(new TrustStoreTrustManager(System.getProperty("java.home") + "/lib/security/cacerts"))
                            .createSSLSocketFactory()
                    : SocketFactory.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for the directory", e);
        }
        var servers = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
        var bind = new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        var created = new LDAPConnectionPool(servers, bind, 0, settings.poolSize());
        created.setRetryFailedOperationsDueToInvalidConnections(true);
        created.setConnectionPoolName("directory");
        return created;
    }

    @Override
    public synchronized void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
