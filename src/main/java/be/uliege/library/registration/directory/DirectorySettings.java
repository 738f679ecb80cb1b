package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.Filter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to the university's LDAP directory and where things live in it (R-INT-1, R-DESK-1).
 *
 * @param url            {@code ldap://host:port} or {@code ldaps://host:port}
 * @param bindDn         the service account the application binds with
 * @param bindPassword   its password, from the environment only
 * @param baseDn         the directory's base
 * @param staffDn        where staff accounts are searched by {@code uid}
 * @param groupsDn       where the staff role groups ({@code groupOfNames}) live
 * @param patronsDn      where the patrons' accounts are created
 * @param groups         the group names (cn) that give each staff role, and the patrons' group
 * @param passwordScheme how patrons' passwords are hashed before they are sent: {@code SSHA}
 *                       (OpenLDAP's default), {@code SSHA256} or {@code SSHA512}
 */
@ConfigurationProperties("registration.directory")
public record DirectorySettings(
        String url,
        String bindDn,
        String bindPassword,
        String baseDn,
        String staffDn,
        String groupsDn,
        String patronsDn,
        Groups groups,
        @DefaultValue("4") int poolSize,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("SSHA") String passwordScheme) {

    /** The cn of the group behind each staff role and of the patrons' group. */
    public record Groups(String deskOperator, String deskManager, String userAdministrator, String patrons) {}

    /** The DN of a group by its cn. */
    public String groupDn(String cn) {
        return "cn=" + Filter.encodeValue(cn) + "," + groupsDn;
    }
}
