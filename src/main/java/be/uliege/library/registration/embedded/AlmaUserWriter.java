package be.uliege.library.registration.embedded;

import be.uliege.library.registration.base.IndentedXml;
import be.uliege.library.registration.embedded.UniversityPerson.Group;
import be.uliege.library.registration.patron.ExpirationPolicy;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes people as {@code <user>} elements of Alma's user XML, in the order and form of
 * {@code load/alma-users.xsd}, one element per line so that a person reads as Alma shows it.
 */
final class AlmaUserWriter {

    private static final Map<String, String> LANGUAGES =
            Map.of("fr", "Français", "en", "Anglais", "nl", "Néerlandais", "de", "Allemand");
    private static final Map<String, String> COUNTRIES =
            Map.of("BEL", "Belgique", "FRA", "France", "NLD", "Pays-Bas", "DEU", "Allemagne", "LUX", "Luxembourg");

    private final XMLStreamWriter xml;
    private final IndentedXml out;
    private final Map<Group, String> expiry = new EnumMap<>(Group.class);

    AlmaUserWriter(XMLStreamWriter xml, LocalDate today) {
        this.xml = xml;
        this.out = new IndentedXml(xml);
        for (var group : Group.values()) {
            expiry.put(group, almaDate(ExpirationPolicy.defaultExpiration(group.kind, today)));
        }
    }

    void startDocument(int count) throws XMLStreamException {
        out.startDocument("users", "total_record_count", Integer.toString(count));
    }

    void endDocument() throws XMLStreamException {
        out.endDocument();
    }

    void write(UniversityPerson person) throws XMLStreamException {
        open("user");
        code("record_type", "PUBLIC", "Public");
        text("primary_id", person.primaryId());
        text("first_name", person.firstName());
        text("middle_name", person.middleName());
        text("last_name", person.lastName());
        text("full_name", person.fullName());
        code("job_category", person.group().label, person.group().label);
        text("job_description", person.jobDescription());
        if (person.gender() != null) {
            code("gender", person.gender(), person.gender().equals("MALE") ? "Homme" : "Femme");
        }
        code("user_group", person.group().name(), person.group().label);
        code("preferred_language", person.language(), LANGUAGES.get(person.language()));
        text("birth_date", almaDate(person.birthDate()));
        text("expiry_date", expiry.get(person.group()));
        code("account_type", "EXTERNAL", "Externe");
        text("external_id", "SIS");
        code("status", "ACTIVE", "Actif");
        contacts(person);
        open("user_identifiers");
        identifier("UNIV_ID", "Identifiant P", person.universityKey());
        if (person.barcode() != null) {
            identifier("BARCODE", "Code-barres", person.barcode());
        }
        close();
        close();
    }

    private void contacts(UniversityPerson person) throws XMLStreamException {
        open("contact_info");
        var address = person.address();
        if (address != null) {
            open("addresses");
            open("address");
            xml.writeAttribute("preferred", "true");
            xml.writeAttribute("segment_type", "External");
            text("line1", address.line1());
            text("line2", address.line2());
            text("city", address.city());
            text("postal_code", address.postalCode());
            code("country", address.country(), COUNTRIES.get(address.country()));
            types("address_types", "address_type", "home", "Domicile");
            close();
            close();
        }
        open("emails");
        email(person.email(), true, person.group().emailType);
        if (person.personalEmail() != null) {
            email(person.personalEmail(), false, "personal");
        }
        close();
        var phone = person.phone();
        if (phone != null) {
            open("phones");
            open("phone");
            xml.writeAttribute("preferred", "true");
            boolean mobile = isMobile(phone);
            xml.writeAttribute("preferred_sms", Boolean.toString(mobile));
            xml.writeAttribute("segment_type", "External");
            text("phone_number", phone);
            types("phone_types", "phone_type", mobile ? "mobile" : "home", mobile ? "Mobile" : "Domicile");
            close();
            close();
        }
        close();
    }

    private void email(String address, boolean preferred, String type) throws XMLStreamException {
        open("email");
        xml.writeAttribute("preferred", Boolean.toString(preferred));
        xml.writeAttribute("segment_type", "External");
        text("email_address", address);
        var label = switch (type) {
            case "work" -> "Travail";
            case "school" -> "École";
            default -> "Personnel";
        };
        types("email_types", "email_type", type, label);
        close();
    }

    private void identifier(String type, String label, String value) throws XMLStreamException {
        open("user_identifier");
        xml.writeAttribute("segment_type", "External");
        code("id_type", type, label);
        text("value", value);
        close();
    }

    private void types(String list, String element, String value, String label) throws XMLStreamException {
        out.codes(list, element, value, label);
    }

    /** Mobile numbers: 04xx after the country code or the trunk 0, with 9 digits. */
    static boolean isMobile(String phone) {
        var digits = phone.replaceAll("\\D", "");
        var national = digits.startsWith("0032")
                ? digits.substring(4)
                : digits.startsWith("32") && phone.startsWith("+")
                        ? digits.substring(2)
                        : digits.replaceFirst("^0", "");
        return phone.startsWith("+") && !phone.startsWith("+32") || national.length() == 9 && national.startsWith("4");
    }

    static String almaDate(LocalDate date) {
        return date + "Z";
    }

    private void open(String name) throws XMLStreamException {
        out.open(name);
    }

    private void close() throws XMLStreamException {
        out.close();
    }

    private void text(String name, @Nullable String value) throws XMLStreamException {
        out.text(name, value);
    }

    private void code(String name, String value, @Nullable String label) throws XMLStreamException {
        out.code(name, value, label);
    }
}
