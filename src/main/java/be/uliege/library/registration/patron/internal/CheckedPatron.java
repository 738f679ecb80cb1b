package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A draft that passed every rule, in its stored form. */
public record CheckedPatron(
        String firstName,
        String lastName,
        @Nullable Gender gender,
        @Nullable LocalDate birthDate,
        @Nullable Language preferredLanguage,
        String userGroup,
        @Nullable String jobCategory,
        @Nullable String jobDescription,
        String resourceSharingLibrary,
        LocalDate expirationDate,
        @Nullable String universityKey,
        List<CheckedContact> contacts,
        List<Violation> warnings) {

    /** The same data detached from the nightly load (R-CNV-1). */
    CheckedPatron withoutUniversityKey() {
        return new CheckedPatron(
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
                null,
                contacts,
                warnings);
    }
}
