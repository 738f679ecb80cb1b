package be.uliege.library.registration.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds small Alma user XML files for the load's tests: realistic rows, and rows broken on purpose.
 * Public for the browser tests, which drop such a file in the load folder.
 */
public final class AlmaXml {

    private final List<String> users = new ArrayList<>();

    public static AlmaXml file() {
        return new AlmaXml();
    }

    public AlmaXml user(
            String primaryId, String group, String key, String first, String last, String email, String phone) {
        users.add(userXml(primaryId, group, key, first, last, email, phone, "2001-05-17Z", null));
        return this;
    }

    AlmaXml raw(String userXml) {
        users.add(userXml);
        return this;
    }

    static String userXml(
            String primaryId,
            String group,
            String key,
            String first,
            String last,
            String email,
            String phone,
            String birth,
            String expiry) {
        return """
                <user>
                  <record_type desc="Public">PUBLIC</record_type>
                  <primary_id>%s</primary_id>
                  <first_name>%s</first_name>
                  <last_name>%s</last_name>
                  <gender desc="Female">FEMALE</gender>
                  <user_group desc="Group">%s</user_group>
                  <preferred_language desc="French">fr</preferred_language>
                  <birth_date>%s</birth_date>
                  %s
                  <account_type desc="External">EXTERNAL</account_type>
                  <external_id>SIS</external_id>
                  <status desc="Active">ACTIVE</status>
                  <contact_info>
                    <addresses>
                      <address preferred="true" segment_type="External">
                        <line1>Rue de la Cathédrale 12</line1>
                        <line2>bte 3</line2>
                        <city>Liège</city>
                        <postal_code>4000</postal_code>
                        <country desc="Belgium">BEL</country>
                        <address_types><address_type desc="Home">home</address_type></address_types>
                      </address>
                    </addresses>
                    <emails>
                      <email preferred="true" segment_type="External">
                        <email_address>%s</email_address>
                        <email_types><email_type desc="School">school</email_type></email_types>
                      </email>
                    </emails>
                    <phones>
                      <phone preferred="true" segment_type="External">
                        <phone_number>%s</phone_number>
                        <phone_types><phone_type desc="Mobile">mobile</phone_type></phone_types>
                      </phone>
                    </phones>
                  </contact_info>
                  <user_identifiers>
                    <user_identifier segment_type="External">
                      <id_type desc="Identifiant P">UNIV_ID</id_type>
                      <value>%s</value>
                    </user_identifier>
                  </user_identifiers>
                </user>
                """.formatted(
                        primaryId,
                        first,
                        last,
                        group,
                        birth,
                        expiry == null ? "" : "<expiry_date>" + expiry + "</expiry_date>",
                        email,
                        phone,
                        key);
    }

    public String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users>\n" + String.join("", users) + "</users>\n";
    }
}
