package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.desk.RegistrationRecords;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.IdentityChecks;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.preregistration.PreRegistrationRecords;
import be.uliege.library.registration.security.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The right of access (R-RET-2, GDPR article 15): everything the system holds on a patron — the
 * record, contact items, identifiers, notes, history, fees, cards, photo, registrations, identity
 * checks, directory account, pre-registration with the privacy notice accepted and when, a hold —
 * gathered from each module's own API, as a JSON file and a readable PDF. A manager's act: written
 * in the patron's history (which file, by whom), logged without personal data.
 */
@Service
public class PersonalDataAccess {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAccess.class);

    private final PatronService patrons;
    private final PatronHistory history;
    private final IdentityChecks identityChecks;
    private final Fees fees;
    private final Cards cards;
    private final RegistrationRecords registrations;
    private final PatronAccounts accounts;
    private final PreRegistrationRecords preRegistrations;
    private final RetentionHolds holds;
    private final CurrentStaff staff;
    private final JsonMapper json;
    private final Clock clock;

    PersonalDataAccess(
            PatronService patrons,
            PatronHistory history,
            IdentityChecks identityChecks,
            Fees fees,
            Cards cards,
            RegistrationRecords registrations,
            PatronAccounts accounts,
            PreRegistrationRecords preRegistrations,
            RetentionHolds holds,
            CurrentStaff staff,
            JsonMapper json,
            Clock clock) {
        this.patrons = patrons;
        this.history = history;
        this.identityChecks = identityChecks;
        this.fees = fees;
        this.cards = cards;
        this.registrations = registrations;
        this.accounts = accounts;
        this.preRegistrations = preRegistrations;
        this.holds = holds;
        this.staff = staff;
        this.json = json;
        this.clock = clock;
    }

    /** Everything held on the patron, now. */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public PersonalData collect(long patronId) {
        var details = patrons.details(patronId);
        var sections = new ArrayList<PersonalData.Section>();
        sections.add(new PersonalData.Section("record", List.of(record(details))));
        sections.add(new PersonalData.Section(
                "contacts",
                details.contacts().stream()
                        .map(c -> fields(
                                "kind", c.kind(),
                                "source", c.source(),
                                "usage", c.usage(),
                                "preferred", c.preferred(),
                                "value", c.display(),
                                "city", c.city()))
                        .toList()));
        sections.add(new PersonalData.Section(
                "identifiers",
                details.identifiers().stream()
                        .map(i -> fields("type", i.type(), "value", i.value()))
                        .toList()));
        sections.add(new PersonalData.Section(
                "notes",
                details.notes().stream()
                        .map(n -> fields(
                                "source",
                                n.source(),
                                "text",
                                n.text(),
                                "createdBy",
                                n.createdBy(),
                                "createdAt",
                                n.createdAt()))
                        .toList()));
        sections.add(section(
                "preRegistration", preRegistrations.ofPatron(patronId).stream().toList()));
        sections.add(section("identityChecks", identityChecks.identityChecks(patronId)));
        sections.add(section("registrations", registrations.steps(patronId)));
        sections.add(
                section("directoryAccount", accounts.status(patronId).stream().toList()));
        sections.add(section("fees", fees.forPatron(patronId)));
        sections.add(section("cards", cards.all(patronId)));
        var photo = cards.photo(patronId);
        sections.add(new PersonalData.Section(
                "photo",
                photo.map(jpeg -> List.<Map<String, String>>of(fields(
                                "format",
                                "JPEG",
                                "bytes",
                                jpeg.length,
                                "base64",
                                Base64.getEncoder().encodeToString(jpeg))))
                        .orElse(List.of())));
        sections.add(section("retentionHold", holds.of(patronId).stream().toList()));
        sections.add(section("history", history.lines(patronId)));
        return new PersonalData(
                details.primaryIdentifier(), clock.instant(), staff.uid(), sections, photo.orElse(null));
    }

    /** The JSON file: {@code identifier}, {@code producedAt}, {@code producedBy}, then each section's items. */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public void writeJson(long patronId, OutputStream out) {
        var data = collect(patronId);
        var document = new LinkedHashMap<String, Object>();
        document.put("identifier", data.identifier());
        document.put("producedAt", data.producedAt().toString());
        document.put("producedBy", data.producedBy());
        var sections = new LinkedHashMap<String, Object>();
        for (var section : data.sections()) {
            sections.put(section.name(), section.items());
        }
        document.put("sections", sections);
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(out, document);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("The access file could not be written", e));
        }
        produced(patronId, "JSON");
    }

    /** The readable PDF, its headings in the reader's language. */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    public void writePdf(long patronId, Locale language, OutputStream out) {
        var data = collect(patronId);
        try {
            out.write(PersonalDataPdf.render(data, language));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        produced(patronId, "PDF");
    }

    private void produced(long patronId, String format) {
        history.recordStep(new PatronId(patronId), "dataAccess", format);
        log.info("Access file ({}) of patron {} produced by {}", format, patronId, staff.uid());
    }

    private static Map<String, String> record(PatronDetails d) {
        return fields(
                "primaryIdentifier", d.primaryIdentifier(),
                "kind", d.kind(),
                "firstName", d.firstName(),
                "lastName", d.lastName(),
                "gender", d.gender(),
                "birthDate", d.birthDate(),
                "preferredLanguage", d.preferredLanguage(),
                "userGroup", d.userGroup(),
                "jobCategory", d.jobCategory(),
                "jobDescription", d.jobDescription(),
                "resourceSharingLibrary", d.resourceSharingLibrary(),
                "status", d.status(),
                "statusDate", d.statusDate(),
                "expirationDate", d.expirationDate(),
                "purgeDate", d.purgeDate(),
                "recordType", d.recordType(),
                "accountType", d.accountType(),
                "institutionalRecord", d.institutionalRecord(),
                "owningSystem", d.owningSystem(),
                "universityKey", d.universityKey(),
                "synchronizedOn", d.synchronization().lastDay());
    }

    /** A list of records as items, each with every component of the record, in its order. */
    private static PersonalData.Section section(String name, List<? extends Record> records) {
        var items = new ArrayList<Map<String, String>>();
        for (var r : records) {
            var item = new LinkedHashMap<String, String>();
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    item.put(component.getName(), text(component.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("A record's component could not be read", e);
                }
            }
            items.add(item);
        }
        return new PersonalData.Section(name, items);
    }

    private static Map<String, String> fields(Object... namesAndValues) {
        var item = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], text(namesAndValues[i + 1]));
        }
        return item;
    }

    private static String text(@Nullable Object value) {
        return value == null
                ? ""
                : value instanceof Optional<?> o ? o.map(String::valueOf).orElse("") : String.valueOf(value);
    }
}
