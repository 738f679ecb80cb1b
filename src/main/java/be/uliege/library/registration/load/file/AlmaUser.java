package be.uliege.library.registration.load.file;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <user>} as written in the file (R-SIS-1): every value the text of its element,
 * trimmed, null when absent or empty; codes without their {@code desc} (the subset is
 * {@code load/alma-users.xsd}).
 */
public record AlmaUser(
        @Nullable String recordType,
        @Nullable String primaryId,
        @Nullable String firstName,
        @Nullable String middleName,
        @Nullable String lastName,
        @Nullable String userTitle,
        @Nullable String jobCategory,
        @Nullable String jobDescription,
        @Nullable String gender,
        @Nullable String userGroup,
        @Nullable String campusCode,
        @Nullable String preferredLanguage,
        @Nullable String birthDate,
        @Nullable String expiryDate,
        @Nullable String purgeDate,
        @Nullable String accountType,
        @Nullable String externalId,
        @Nullable String status,
        List<Address> addresses,
        List<Email> emails,
        List<Phone> phones,
        List<Identifier> identifiers,
        List<Note> notes,
        List<Statistic> statistics,
        List<String> rsLibraries) {

    public AlmaUser {
        addresses = List.copyOf(addresses);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        identifiers = List.copyOf(identifiers);
        notes = List.copyOf(notes);
        statistics = List.copyOf(statistics);
        rsLibraries = List.copyOf(rsLibraries);
    }

    public record Address(
            boolean preferred,
            @Nullable String segmentType,
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String line3,
            @Nullable String line4,
            @Nullable String line5,
            @Nullable String city,
            @Nullable String stateProvince,
            @Nullable String postalCode,
            @Nullable String country,
            List<String> types) {}

    public record Email(
            boolean preferred,
            @Nullable String segmentType,
            @Nullable String address,
            List<String> types) {}

    public record Phone(
            boolean preferred,
            @Nullable String segmentType,
            @Nullable String number,
            List<String> types) {}

    public record Identifier(
            @Nullable String segmentType,
            @Nullable String idType,
            @Nullable String value,
            @Nullable String status) {}

    public record Note(
            @Nullable String segmentType,
            @Nullable String type,
            @Nullable String text) {}

    public record Statistic(
            @Nullable String segmentType,
            @Nullable String category,
            @Nullable String type) {}
}
