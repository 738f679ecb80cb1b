package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.contact.ContactDraft;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A patron's data as typed at the desk, by the public or by a load, before the rules check it.
 * Everything may be missing or wrong: {@link PatronRules} names each problem. The expiration date
 * may be left empty to get the default of the patron's kind (R-REC-4); the purge date is never
 * given, it is always computed (R-REC-3).
 */
public record PatronDraft(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable Gender gender,
        @Nullable LocalDate birthDate,
        @Nullable Language preferredLanguage,
        @Nullable String userGroup,
        @Nullable String jobCategory,
        @Nullable String jobDescription,
        @Nullable String resourceSharingLibrary,
        @Nullable LocalDate expirationDate,
        @Nullable String universityKey,
        List<ContactDraft> contacts) {

    public PatronDraft {
        contacts = List.copyOf(contacts);
    }

    public PatronDraft withContacts(List<ContactDraft> newContacts) {
        return new PatronDraft(
                firstName,
                lastName,
                gender,
                birthDate,
                preferredLanguage,
                userGroup,
                jobCategory,
                jobDescription,
                resourceSharingLibrary,
                expirationDate,
                universityKey,
                newContacts);
    }

    public PatronDraft withExpirationDate(@Nullable LocalDate date) {
        return new PatronDraft(
                firstName,
                lastName,
                gender,
                birthDate,
                preferredLanguage,
                userGroup,
                jobCategory,
                jobDescription,
                resourceSharingLibrary,
                date,
                universityKey,
                contacts);
    }
}
