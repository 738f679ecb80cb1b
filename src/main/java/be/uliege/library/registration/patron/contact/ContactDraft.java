package be.uliege.library.registration.patron.contact;

import org.jspecify.annotations.Nullable;

/**
 * A contact item as typed, before the rules check it. For an e-mail or a phone only {@code value}
 * counts; for an address, {@code value} is the first line (street, number, box) and the postal
 * code, city and country (ISO 3166 two letters, {@code BE} when empty) have their own fields.
 */
public record ContactDraft(
        ContactKind kind,
        @Nullable ContactUsage usage,
        boolean preferred,
        @Nullable String value,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country) {

    public static ContactDraft email(String value, ContactUsage usage) {
        return new ContactDraft(ContactKind.EMAIL, usage, true, value, null, null, null);
    }

    public static ContactDraft phone(String value, ContactUsage usage) {
        return new ContactDraft(ContactKind.PHONE, usage, true, value, null, null, null);
    }

    public static ContactDraft address(String line1, String postalCode, String city, String country) {
        return new ContactDraft(ContactKind.ADDRESS, ContactUsage.HOME, true, line1, postalCode, city, country);
    }
}
