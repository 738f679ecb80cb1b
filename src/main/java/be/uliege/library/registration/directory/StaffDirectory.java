package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signs staff in against the directory (R-DESK-1): finds the account by {@code uid}, checks the
 * password by binding as that account, and reads the names of the groups it belongs to.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final DirectoryConnections connections;
    private final DirectorySettings settings;

    StaffDirectory(DirectoryConnections connections, DirectorySettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /** A staff member whose password the directory accepted. */
    public record StaffAccount(String uid, String displayName, Set<String> groups) {}

    /** Thrown when the directory cannot be reached or answers with an error. */
    public static class DirectoryUnavailableException extends RuntimeException {
        DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The account, if the uid exists exactly once and the password is right; empty otherwise.
     *
     * @throws DirectoryUnavailableException when the directory cannot answer
     */
    public Optional<StaffAccount> authenticate(String uid, String password) {
        if (uid.isBlank() || password.isEmpty() || uid.length() > 64 || password.length() > 256) {
            return Optional.empty(); // an empty password would be an anonymous bind: never accept it
        }
        try {
            var pool = connections.pool();
            var search = new SearchRequest(settings.staffDn(), SearchScope.SUB,
                    Filter.createEqualityFilter("uid", uid), "uid", "cn", "displayName");
            search.setSizeLimit(2);
            var result = pool.search(search);
            if (result.getEntryCount() != 1) {
                return Optional.empty();
            }
            var entry = result.getSearchEntries().getFirst();
            try {
                pool.bindAndRevertAuthentication(entry.getDN(), password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return Optional.empty();
                }
                throw e;
            }
            var name = entry.getAttributeValue("displayName") != null
                    ? entry.getAttributeValue("displayName")
                    : entry.getAttributeValue("cn");
            return Optional.of(new StaffAccount(entry.getAttributeValue("uid"), name == null ? uid : name,
                    groupsOf(pool, entry.getDN())));
        } catch (LDAPException e) {
            log.warn("Directory unavailable during sign-in: {}", e.getResultCode());
            throw new DirectoryUnavailableException("The directory cannot be reached", e);
        }
    }

    private Set<String> groupsOf(com.unboundid.ldap.sdk.LDAPConnectionPool pool, String memberDn)
            throws LDAPException {
        var search = new SearchRequest(settings.groupsDn(), SearchScope.SUB,
                Filter.createEqualityFilter("member", memberDn), "cn");
        var groups = new TreeSet<String>();
        for (var entry : pool.search(search).getSearchEntries()) {
            var cn = entry.getAttributeValue("cn");
            if (cn != null) {
                groups.add(cn);
            }
        }
        return groups;
    }
}
