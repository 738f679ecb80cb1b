package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Signs staff in against the directory (R-DESK-1): finds the account by {@code uid}, checks the
 * password by binding as that account, and reads the names of the groups it belongs to. An unknown
 * uid costs the same search and bind as a known one with a wrong password.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final DirectoryConnections connections;
    private final DirectorySettings settings;
    /** An entry that does not exist, under the staff branch: binding to it always fails. */
    private final String decoyDn;

    StaffDirectory(DirectoryConnections connections, DirectorySettings settings) {
        this.connections = connections;
        this.settings = settings;
        var random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.decoyDn = new DN(
                        new RDN("uid", "no-such-staff-" + HexFormat.of().formatHex(random)), staffBranch(settings))
                .toString();
    }

    private static DN staffBranch(DirectorySettings settings) {
        try {
            return new DN(settings.staffDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Invalid staff DN in the directory settings", e);
        }
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
    // Anyone: this is the sign-in itself, throttled by SignInThrottle.
    @PreAuthorize("permitAll()")
    public Optional<StaffAccount> authenticate(String uid, String password) {
        if (uid.isBlank() || password.isEmpty() || uid.length() > 64 || password.length() > 256) {
            return Optional.empty(); // an empty password would be an anonymous bind: never accept it
        }
        try {
            var pool = connections.pool();
            var search = new SearchRequest(
                    settings.staffDn(),
                    SearchScope.SUB,
                    Filter.createEqualityFilter("uid", uid),
                    "uid",
                    "cn",
                    "displayName");
            search.setSizeLimit(2);
            var result = pool.search(search);
            if (result.getEntryCount() != 1) {
                // The same operations as for a known uid with a wrong password, so that the time of
                // the answer does not tell whether the uid exists: a bind that cannot succeed.
                bind(pool, decoyDn, password);
                return Optional.empty();
            }
            var entry = result.getSearchEntries().getFirst();
            if (!bind(pool, entry.getDN(), password)) {
                return Optional.empty();
            }
            var name = entry.getAttributeValue("displayName") != null
                    ? entry.getAttributeValue("displayName")
                    : entry.getAttributeValue("cn");
            return Optional.of(new StaffAccount(
                    entry.getAttributeValue("uid"), name == null ? uid : name, groupsOf(pool, entry.getDN())));
        } catch (LDAPException e) {
            log.warn("Directory unavailable during sign-in: {}", e.getResultCode());
            throw new DirectoryUnavailableException("The directory cannot be reached", e);
        }
    }

    /** Whether the directory accepts this password for this DN; the pool's connection is bound back as the service account. */
    private static boolean bind(LDAPConnectionPool pool, String dn, String password) throws LDAPException {
        try {
            pool.bindAndRevertAuthentication(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    private Set<String> groupsOf(LDAPConnectionPool pool, String memberDn) throws LDAPException {
        var search = new SearchRequest(
                settings.groupsDn(), SearchScope.SUB, Filter.createEqualityFilter("member", memberDn), "cn");
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
