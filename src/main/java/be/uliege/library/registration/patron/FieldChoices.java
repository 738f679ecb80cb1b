package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A record built field by field from two sources, as the operator chose (R-DESK-3, R-CNV-1 take-
 * overs, R-DESK-9 merges): the chosen fields from one, every other field from the record kept. One
 * place for the list of choosable fields.
 */
final class FieldChoices {

    private FieldChoices() {}

    /** The draft for the rules: the chosen fields from {@code taken}, the others from {@code kept}. */
    static PatronDraft draft(
            Set<Field> take, PatronDraft taken, PatronDraft kept, LocalDate expiration, List<ContactDraft> contacts) {
        return new PatronDraft(
                pick(take, Field.FIRST_NAME, taken.firstName(), kept.firstName()),
                pick(take, Field.LAST_NAME, taken.lastName(), kept.lastName()),
                pick(take, Field.GENDER, taken.gender(), kept.gender()),
                pick(take, Field.BIRTH_DATE, taken.birthDate(), kept.birthDate()),
                pick(take, Field.PREFERRED_LANGUAGE, taken.preferredLanguage(), kept.preferredLanguage()),
                pick(take, Field.USER_GROUP, taken.userGroup(), kept.userGroup()),
                pick(take, Field.JOB_CATEGORY, taken.jobCategory(), kept.jobCategory()),
                pick(take, Field.JOB_DESCRIPTION, taken.jobDescription(), kept.jobDescription()),
                pick(
                        take,
                        Field.RESOURCE_SHARING_LIBRARY,
                        taken.resourceSharingLibrary(),
                        kept.resourceSharingLibrary()),
                expiration,
                null,
                contacts);
    }

    /**
     * The values the record gets: the checked ones of the chosen fields, the record's own, exactly
     * as stored, of the others (a kept value is never rewritten, not even tidied).
     */
    static CheckedPatron checked(Set<Field> take, CheckedPatron checked, Patron kept, @Nullable String universityKey) {
        return new CheckedPatron(
                pick(take, Field.FIRST_NAME, checked.firstName(), kept.getFirstName()),
                pick(take, Field.LAST_NAME, checked.lastName(), kept.getLastName()),
                pick(take, Field.GENDER, checked.gender(), kept.getGender()),
                pick(take, Field.BIRTH_DATE, checked.birthDate(), kept.getBirthDate()),
                pick(take, Field.PREFERRED_LANGUAGE, checked.preferredLanguage(), kept.getPreferredLanguage()),
                pick(take, Field.USER_GROUP, checked.userGroup(), kept.getUserGroup()),
                pick(take, Field.JOB_CATEGORY, checked.jobCategory(), kept.getJobCategory()),
                pick(take, Field.JOB_DESCRIPTION, checked.jobDescription(), kept.getJobDescription()),
                pick(
                        take,
                        Field.RESOURCE_SHARING_LIBRARY,
                        checked.resourceSharingLibrary(),
                        kept.getResourceSharingLibrary()),
                kept.getExpirationDate(),
                universityKey,
                checked.contacts(),
                checked.warnings());
    }

    private static <T> T pick(Set<Field> take, Field field, T taken, T kept) {
        return take.contains(field) ? taken : kept;
    }
}
