package be.uliege.library.registration.embedded;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.Schema;

/**
 * The RFC 2307 definitions that UnboundID's default schema lacks and that a real OpenLDAP ships in
 * its {@code nis} schema: {@code shadowAccount} and its attributes, which carry the expiration of
 * a patron's account (R-INT-1).
 */
final class DirectorySchema {

    private DirectorySchema() {}

    static Schema rfc2307Extras() {
        var integer = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE";
        return new Schema(new Entry(
                "cn=schema",
                new Attribute("objectClass", "top", "ldapSubentry", "subschema"),
                new Attribute(
                        "attributeTypes",
                        "( 1.3.6.1.1.1.1.5 NAME 'shadowLastChange' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.6 NAME 'shadowMin' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.7 NAME 'shadowMax' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.8 NAME 'shadowWarning' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.9 NAME 'shadowInactive' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.10 NAME 'shadowExpire' EQUALITY integerMatch " + integer + " )",
                        "( 1.3.6.1.1.1.1.11 NAME 'shadowFlag' EQUALITY integerMatch " + integer + " )"),
                new Attribute(
                        "objectClasses",
                        "( 1.3.6.1.1.1.2.1 NAME 'shadowAccount' SUP top AUXILIARY MUST uid MAY ( userPassword $ "
                                + "shadowLastChange $ shadowMin $ shadowMax $ shadowWarning $ shadowInactive $ "
                                + "shadowExpire $ shadowFlag $ description ) )")));
    }
}
