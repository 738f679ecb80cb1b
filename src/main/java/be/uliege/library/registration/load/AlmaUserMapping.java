package be.uliege.library.registration.load;

import be.uliege.library.registration.load.file.AlmaUser;
import be.uliege.library.registration.load.file.RawRow;
import be.uliege.library.registration.load.file.Reason;
import be.uliege.library.registration.patron.ExpirationPolicy;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.LoadedPerson;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * From a {@code <user>} of the file to the patron record's terms (R-SIS-1, R-REC-4, R-SIS-4), as
 * written in {@code docs/alma-user-mapping.md}: the group code gives the kind and the group, the
 * {@code id_type} configured gives the university key (R-ID-5), the expiration date follows the
 * rules of R-REC-4 rather than the file's, and a student whose enrolment does not reach the next
 * academic year is held back from 1 July (R-SIS-4).
 */
@Component
class AlmaUserMapping {

    /** This mapping's reading of a row: change it with any change to how a row becomes a record. */
    static final String READING = "alma-user-mapping 1";

    private final LoadSettings settings;
    private final Map<String, String> iso3ToIso2;
    private volatile @Nullable DayContext dayContext;

    AlmaUserMapping(LoadSettings settings) {
        this.settings = settings;
        this.iso3ToIso2 = Stream.of(Locale.getISOCountries())
                .collect(Collectors.toMap(AlmaUserMapping::iso3, c -> c, (a, b) -> a));
    }

    /** The outcome of mapping one row. */
    sealed interface Mapped {
        /** Ready for the patron record. */
        record Person(LoadedPerson person) implements Mapped {}

        /** Not applied: what to fix in the file. */
        record Refused(@Nullable String field, Reason reason) implements Mapped {}

        /** A student not re-enrolled (R-SIS-4): no longer synchronized. */
        record HeldBack(Reason reason) implements Mapped {}
    }

    Mapped map(AlmaUser user, long element, LocalDate today) {
        return map(user, element, today, null);
    }

    /**
     * Maps a row read from the file, with the fingerprint of its fixed form ({@code digest}, R-SIS-5):
     * the person carries the row's key ({@link #rowKey}) for the record to keep.
     */
    Mapped map(AlmaUser user, long element, LocalDate today, @Nullable String digest) {
        var primaryId = Objects.requireNonNull(user.primaryId()).strip();
        var code = user.userGroup() == null ? "" : user.userGroup().strip();
        var group = settings.groups().get(code);
        if (group == null) {
            return new Mapped.Refused("userGroup", Reason.of("load.reason.unknown-group", code));
        }
        if (!primaryId.toUpperCase(Locale.ROOT).startsWith(group.kind().name())) {
            return new Mapped.Refused(
                    "primaryIdentifier",
                    Reason.of(
                            "load.reason.group-identifier-mismatch",
                            primaryId,
                            code,
                            group.kind().name()));
        }
        if (user.status() != null && !"ACTIVE".equalsIgnoreCase(user.status().strip())) {
            return new Mapped.HeldBack(
                    Reason.of("load.reason.inactive", user.status().strip()));
        }
        var universityKey = user.identifiers().stream()
                .filter(i -> settings.universityKeyType().equalsIgnoreCase(Objects.toString(i.idType(), "")))
                .map(AlmaUser.Identifier::value)
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .findFirst();
        if (universityKey.isEmpty()) {
            return new Mapped.Refused(
                    "universityKey", Reason.of("load.reason.missing-university-key", settings.universityKeyType()));
        }
        LocalDate birth;
        LocalDate fileExpiry;
        try {
            birth = date(user.birthDate());
            fileExpiry = date(user.expiryDate());
        } catch (DateTimeParseException e) {
            return new Mapped.Refused("birthDate", Reason.of("load.reason.date", e.getParsedString()));
        }
        if (group.kind() == PatronKind.S && heldBack(fileExpiry, today)) {
            return new Mapped.HeldBack(Reason.of("load.reason.not-re-enrolled", String.valueOf(fileExpiry)));
        }
        var first = Stream.of(user.firstName(), user.middleName())
                .filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(" "));
        var draft = new PatronDraft(
                first,
                user.lastName(),
                gender(user.gender()),
                birth,
                language(user.preferredLanguage()),
                group.name(),
                group.jobCategory(),
                user.jobDescription(),
                null,
                expiration(group.kind(), today),
                universityKey.get(),
                contacts(user));
        return new Mapped.Person(new LoadedPerson(
                element, primaryId, universityKey.get(), draft, digest == null ? null : rowKey(digest, today)));
    }

    /**
     * The fingerprint a record keeps of the row last applied to it (R-SIS-5): the digest of the row's
     * fixed form read in the day's {@link #context}. The same key on another night means the same row
     * read the same way: nothing to change but the "synchronized on" day.
     */
    String rowKey(String digest, LocalDate today) {
        var known = dayContext;
        if (known == null || !known.day().equals(today)) {
            known = new DayContext(today, context(today));
            dayContext = known;
        }
        return RawRow.digestOf(known.context() + "\n" + digest);
    }

    /**
     * Everything besides the row itself that decides what it becomes: this mapping's reading (bumped
     * whenever the code reads a row differently), its settings, and what the day changes — the
     * expiration dates of R-REC-4 and whether the hold-back of R-SIS-4 has begun. Two days with the
     * same context read every row alike; a day that changes it (1 July, the October move, a new
     * year) sends every row the whole way once.
     */
    String context(LocalDate today) {
        return String.join(
                "|",
                READING,
                new TreeMap<>(settings.groups()).toString(),
                new TreeMap<>(settings.languages()).toString(),
                settings.universityKeyType(),
                settings.studentHoldBack(),
                String.valueOf(expiration(PatronKind.S, today)),
                String.valueOf(expiration(PatronKind.U, today)),
                String.valueOf(expiration(PatronKind.C, today)),
                String.valueOf(holdBackStarted(today)),
                String.valueOf(today.getYear()));
    }

    /** The day a context was written for, kept while the day lasts. */
    private record DayContext(LocalDate day, String context) {}

    /**
     * R-REC-4: students until 1 October at the end of the academic year — from 1 July the file holds
     * only the re-enrolled (R-SIS-4), so the next one; staff until 31 December, moved on in October.
     */
    LocalDate expiration(PatronKind kind, LocalDate today) {
        if (kind == PatronKind.S) {
            int year = holdBackStarted(today) ? today.getYear() + 1 : today.getYear();
            return LocalDate.of(year, Month.OCTOBER, 1);
        }
        return ExpirationPolicy.defaultExpiration(kind, today);
    }

    /**
     * R-SIS-4: from 1 July, a student whose enrolment in the file ends by this year's 1 October has
     * not re-enrolled: no longer synchronized, the record expires by itself.
     */
    private boolean heldBack(@Nullable LocalDate fileExpiry, LocalDate today) {
        if (fileExpiry == null || !holdBackStarted(today)) {
            return false;
        }
        return !fileExpiry.isAfter(LocalDate.of(today.getYear(), Month.OCTOBER, 1));
    }

    private boolean holdBackStarted(LocalDate today) {
        var from = MonthDay.parse(settings.studentHoldBack());
        return !MonthDay.from(today).isBefore(from);
    }

    /** Alma writes dates as xs:date, often with a zone: 1990-03-14Z, 1990-03-14+01:00. */
    static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var value = text.strip();
        if (value.length() > 10) {
            var zone = value.substring(10);
            if (!zone.matches("Z|[+-]\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not an xs:date", value, 10);
            }
            value = value.substring(0, 10);
        }
        return LocalDate.parse(value);
    }

    private static @Nullable Gender gender(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "MALE", "M" -> Gender.M;
            case "FEMALE", "F" -> Gender.F;
            case "OTHER", "X" -> Gender.X;
            default -> null;
        };
    }

    private @Nullable Language language(@Nullable String code) {
        if (code == null) {
            return null;
        }
        var ours = settings.languages().get(code.strip().toLowerCase(Locale.ROOT));
        return ours == null ? null : Language.valueOf(ours);
    }

    private List<ContactDraft> contacts(AlmaUser user) {
        var contacts = new ArrayList<ContactDraft>();
        for (var email : user.emails()) {
            contacts.add(new ContactDraft(
                    ContactKind.EMAIL,
                    email.types().contains("personal") ? ContactUsage.PERSONAL : ContactUsage.WORK,
                    email.preferred(),
                    email.address(),
                    null,
                    null,
                    null));
        }
        for (var phone : user.phones()) {
            contacts.add(new ContactDraft(
                    ContactKind.PHONE,
                    phone.types().contains("mobile")
                            ? ContactUsage.MOBILE
                            : phone.types().contains("office") ? ContactUsage.WORK : ContactUsage.HOME,
                    phone.preferred(),
                    phone.number(),
                    null,
                    null,
                    null));
        }
        for (var address : user.addresses()) {
            var lines = Stream.of(address.line1(), address.line2(), address.line3(), address.line4(), address.line5())
                    .filter(l -> l != null && !l.isBlank())
                    .map(String::strip)
                    .collect(Collectors.joining(", "));
            contacts.add(new ContactDraft(
                    ContactKind.ADDRESS,
                    address.types().contains("work") ? ContactUsage.WORK : ContactUsage.HOME,
                    address.preferred(),
                    lines,
                    address.postalCode(),
                    address.city(),
                    country(address.country())));
        }
        return contacts;
    }

    /** Alma's countries are ISO 3166 three letters (BEL); the record keeps two (BE). */
    private @Nullable String country(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var value = code.strip().toUpperCase(Locale.ROOT);
        return value.length() == 3 ? iso3ToIso2.getOrDefault(value, value) : value;
    }

    private static String iso3(String iso2) {
        try {
            return Locale.of("", iso2).getISO3Country();
        } catch (MissingResourceException e) {
            return iso2;
        }
    }
}
