package be.uliege.library.registration.export;

import be.uliege.library.registration.base.IndentedXml;
import be.uliege.library.registration.patron.ExternalPatrons.Contact;
import be.uliege.library.registration.patron.ExternalPatrons.Exported;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import javax.xml.stream.XMLStreamException;

/**
 * One patron as a {@code <user>} of Alma's user XML (R-INT-3), in the order of {@code
 * load/alma-users.xsd}, every contact item, identifier and note in the External segment (the
 * library system's own data on the user stays Internal and is not touched by the synchronize job).
 */
final class AlmaExportWriter {

    private final IndentedXml xml;
    private final ExportSettings settings;

    AlmaExportWriter(IndentedXml xml, ExportSettings settings) {
        this.xml = xml;
        this.settings = settings;
    }

    void write(Exported p) throws XMLStreamException {
        xml.open("user");
        xml.code("record_type", "PUBLIC", "Public");
        xml.text("primary_id", p.primaryIdentifier());
        xml.text("first_name", p.firstName());
        xml.text("last_name", p.lastName());
        if (p.jobCategory() != null) {
            xml.code("job_category", settings.jobCategory(p.jobCategory()), p.jobCategory());
        }
        xml.text("job_description", p.jobDescription());
        if (p.gender() != null) {
            xml.code("gender", gender(p.gender()), null);
        }
        xml.code("user_group", settings.group(p.userGroup()), p.userGroup());
        if (p.language() != null && settings.languages().containsKey(p.language())) {
            xml.code("preferred_language", settings.languages().get(p.language()), null);
        }
        if (p.birthDate() != null) {
            xml.text("birth_date", date(p.birthDate()));
        }
        xml.text("expiry_date", date(p.expirationDate()));
        xml.text("purge_date", date(p.purgeDate()));
        xml.code("account_type", "EXTERNAL", "External");
        xml.text("external_id", settings.externalId());
        xml.code("status", p.status() == PatronStatus.ACTIVE ? "ACTIVE" : "INACTIVE", null);
        contacts(p.contacts());
        if (!p.identifiers().isEmpty()) {
            xml.open("user_identifiers");
            for (var identifier : p.identifiers()) {
                var type = settings.identifierTypes().get(identifier.type());
                if (type != null) {
                    xml.open("user_identifier");
                    xml.attribute("segment_type", "External");
                    xml.code("id_type", type, null);
                    xml.text("value", identifier.value());
                    xml.close();
                }
            }
            xml.close();
        }
        if (!p.notes().isEmpty()) {
            xml.open("user_notes");
            for (var note : p.notes()) {
                xml.open("user_note");
                xml.attribute("segment_type", "External");
                xml.code("note_type", "OTHER", null);
                xml.text("note_text", note.text());
                xml.text("user_viewable", "false");
                xml.text("created_by", note.createdBy());
                xml.text(
                        "created_date",
                        note.createdAt().atOffset(ZoneOffset.UTC).toString());
                xml.close();
            }
            xml.close();
        }
        xml.open("rs_libraries");
        xml.open("rs_library");
        xml.code("code", settings.rsLibrary(p.resourceSharingLibrary()), p.resourceSharingLibrary());
        xml.close();
        xml.close();
        xml.close();
    }

    /**
     * An erased patron (R-RET-1) as the synchronize job understands it: the same primary id,
     * inactive, to be purged today by the library system, without any personal data left — the
     * last name, required, says only that the record was erased.
     */
    void writeErased(String primaryIdentifier, String userGroup, LocalDate erasedOn) throws XMLStreamException {
        xml.open("user");
        xml.code("record_type", "PUBLIC", "Public");
        xml.text("primary_id", primaryIdentifier);
        xml.text("last_name", "-");
        xml.code("user_group", settings.group(userGroup), userGroup);
        xml.text("expiry_date", date(erasedOn));
        xml.text("purge_date", date(erasedOn));
        xml.code("account_type", "EXTERNAL", "External");
        xml.text("external_id", settings.externalId());
        xml.code("status", "INACTIVE", null);
        xml.close();
    }

    private void contacts(List<Contact> contacts) throws XMLStreamException {
        if (contacts.isEmpty()) {
            return;
        }
        xml.open("contact_info");
        var addresses = of(contacts, ContactKind.ADDRESS);
        if (!addresses.isEmpty()) {
            xml.open("addresses");
            for (var a : addresses) {
                xml.open("address");
                attributes(a);
                xml.text("line1", a.value());
                xml.text("city", a.city());
                xml.text("postal_code", a.postalCode());
                if (a.country() != null) {
                    xml.code("country", iso3(a.country()), null);
                }
                xml.codes("address_types", "address_type", a.usage() == ContactUsage.WORK ? "work" : "home", null);
                xml.close();
            }
            xml.close();
        }
        var emails = of(contacts, ContactKind.EMAIL);
        if (!emails.isEmpty()) {
            xml.open("emails");
            for (var e : emails) {
                xml.open("email");
                attributes(e);
                xml.text("email_address", e.value());
                xml.codes("email_types", "email_type", e.usage() == ContactUsage.WORK ? "work" : "personal", null);
                xml.close();
            }
            xml.close();
        }
        var phones = of(contacts, ContactKind.PHONE);
        if (!phones.isEmpty()) {
            xml.open("phones");
            for (var ph : phones) {
                xml.open("phone");
                attributes(ph);
                xml.text("phone_number", ph.value());
                var type = switch (ph.usage()) {
                    case MOBILE -> "mobile";
                    case WORK -> "office";
                    default -> "home";
                };
                xml.codes("phone_types", "phone_type", type, null);
                xml.close();
            }
            xml.close();
        }
        xml.close();
    }

    private void attributes(Contact contact) throws XMLStreamException {
        xml.attribute("preferred", Boolean.toString(contact.preferred()));
        xml.attribute("segment_type", "External");
    }

    private static List<Contact> of(List<Contact> contacts, ContactKind kind) {
        // A desk printer's address (R-CON-3) is the library's, not the patron's: not sent.
        return contacts.stream()
                .filter(c -> c.kind() == kind && c.usage() != ContactUsage.PRINTER)
                .toList();
    }

    private static String gender(Gender gender) {
        return switch (gender) {
            case F -> "FEMALE";
            case M -> "MALE";
            case X -> "OTHER";
        };
    }

    /** Dates as Alma writes them: {@code 1990-03-14Z}. */
    static String date(LocalDate date) {
        return date + "Z";
    }

    /** The record keeps ISO 3166 two letters (BE); Alma three (BEL). */
    static String iso3(String iso2) {
        try {
            return Locale.of("", iso2).getISO3Country();
        } catch (MissingResourceException e) {
            return iso2;
        }
    }
}
