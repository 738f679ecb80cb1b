package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * Whether the directory keeps a password policy that can ask for a change at the next login
 * (R-DESK-8): OpenLDAP's ppolicy overlay defines the {@code pwdReset} attribute; a directory
 * without it (the embedded defaults' in-memory one, for instance) cannot be told.
 */
final class PasswordPolicy {

    static final String RESET = "pwdReset";

    private PasswordPolicy() {}

    static boolean known(LDAPConnectionPool pool) throws LDAPException {
        var schema = pool.getSchema();
        return schema != null && schema.getAttributeType(RESET) != null;
    }
}
