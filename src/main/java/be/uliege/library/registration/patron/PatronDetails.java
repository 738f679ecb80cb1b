package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.contact.PostalAddress;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the desk shows of one patron, read in one transaction. */
public record PatronDetails(
        long id,
        long version,
        String primaryIdentifier,
        PatronKind kind,
        String firstName,
        String lastName,
        @Nullable Gender gender,
        @Nullable LocalDate birthDate,
        @Nullable Language preferredLanguage,
        String userGroup,
        @Nullable String jobCategory,
        @Nullable String jobDescription,
        String resourceSharingLibrary,
        PatronStatus status,
        LocalDate statusDate,
        LocalDate expirationDate,
        LocalDate purgeDate,
        RecordType recordType,
        AccountType accountType,
        boolean institutionalRecord,
        @Nullable String owningSystem,
        @Nullable String universityKey,
        List<Contact> contacts,
        List<Identifier> identifiers,
        List<Note> notes,
        PatronDraft draft,
        Synchronization synchronization) {

    /** A contact item; external ones are read-only at the desk (R-EXT-1). */
    public record Contact(
            long id,
            ContactKind kind,
            ContactSource source,
            ContactUsage usage,
            boolean preferred,
            boolean usedForLetters,
            String display,
            @Nullable String city,
            @Nullable PostalAddress address) {}

    /** The record's id, typed for the other modules' calls. */
    public PatronId patronId() {
        return new PatronId(id);
    }

    public record Identifier(IdentifierType type, String value) {}

    public record Note(long id, ContactSource source, String text, String createdBy, Instant createdAt) {}

    static PatronDetails of(Patron p) {
        var lettersEmail = p.preferred(ContactKind.EMAIL).orElse(null);
        var lettersPhone = p.preferred(ContactKind.PHONE).orElse(null);
        var lettersAddress = p.preferred(ContactKind.ADDRESS).orElse(null);
        var contacts = p.getContacts().stream()
                .map(c -> new Contact(
                        c.getId() == null ? -1 : c.getId(),
                        c.getKind(),
                        c.getSource(),
                        c.getUsage(),
                        c.isPreferred(),
                        c == lettersEmail || c == lettersPhone || c == lettersAddress,
                        c.display(),
                        c.getCity(),
                        c.address().orElse(null)))
                .toList();
        return new PatronDetails(
                p.getId(),
                p.getVersion(),
                p.getPrimaryIdentifier(),
                p.getKind(),
                p.getFirstName(),
                p.getLastName(),
                p.getGender(),
                p.getBirthDate(),
                p.getPreferredLanguage(),
                p.getUserGroup(),
                p.getJobCategory(),
                p.getJobDescription(),
                p.getResourceSharingLibrary(),
                p.getStatus(),
                p.getStatusDate(),
                p.getExpirationDate(),
                p.getPurgeDate(),
                p.getRecordType(),
                p.getAccountType(),
                p.hasInstitutionalRecord(),
                p.getOwningSystem(),
                p.getUniversityKey(),
                contacts,
                p.getIdentifiers().stream()
                        .map(i -> new Identifier(i.getType(), i.getValue()))
                        .toList(),
                p.getNotes().stream()
                        .map(n -> new Note(
                                n.getId() == null ? -1 : n.getId(),
                                n.getSource(),
                                n.getText(),
                                n.getCreatedBy(),
                                n.getCreatedAt()))
                        .toList(),
                p.toDraft(),
                Synchronization.of(p.getKind(), p.getAccountType(), p.getSynchronizedOn()));
    }
}
