package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a member of the public types (R-PRE-1), from the page or the API. Any field may be missing
 * or wrong; the patron rules say which.
 */
public record PreRegistrationForm(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable LocalDate birthDate,
        @Nullable Gender gender,
        @Nullable Language preferredLanguage,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String addressLine1,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country,
        @Nullable String jobCategory,
        @Nullable String jobDescription,
        @Nullable Use use,
        @Nullable String privacyNoticeVersion,
        @Nullable Boolean privacyNoticeAccepted) {

    /** The patron draft: use sets the user group; the contact data become contact items. */
    PatronDraft toDraft(String resourceSharingLibrary) {
        return new PatronDraft(
                firstName,
                lastName,
                gender,
                birthDate,
                preferredLanguage,
                use == null ? null : use.userGroup(),
                jobCategory,
                jobDescription,
                resourceSharingLibrary,
                null,
                null,
                List.of(
                        new ContactDraft(ContactKind.EMAIL, ContactUsage.PERSONAL, true, email, null, null, null),
                        new ContactDraft(ContactKind.PHONE, ContactUsage.MOBILE, true, phone, null, null, null),
                        new ContactDraft(
                                ContactKind.ADDRESS,
                                ContactUsage.HOME,
                                true,
                                addressLine1,
                                postalCode,
                                city,
                                country)));
    }
}
