package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.BelgianPostalCodes;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.contact.EmailAddress;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.contact.PhoneNumber;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a draft against every rule of the record (R-REC-2), the groups and categories (R-GRP-1…3)
 * and the contact information (R-CON-1…4), and returns it in its stored form; each broken rule is
 * reported with its field, never only the first. Foreign addresses pass with a warning.
 *
 * <p>Longer than most classes on purpose: every rule of the record, one method per rule group, in
 * one place that every screen, API and job goes through.
 */
@Component
public class PatronRules {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 200;
    static final int ADDRESS_LINE_MAX = 200;
    static final int CITY_MAX = 100;
    static final int MAX_AGE_YEARS = 120;

    /** Descriptions that describe nothing (R-GRP-3), compared in their search form. */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "",
            "x",
            "xx",
            "xxx",
            "na",
            "n a",
            "nvt",
            "none",
            "aucun",
            "aucune",
            "rien",
            "neant",
            "test",
            "tbd",
            "todo",
            "autre",
            "other",
            "divers",
            "inconnu",
            "unknown",
            "idem",
            "pas de",
            "sans",
            "no",
            "non",
            "nc",
            "nd",
            "a completer",
            "to be completed");

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[\\p{L}\\p{M}' ’.\\-]+");
    private static final Pattern ALUMNI_DESCRIPTION = Pattern.compile("Alumni (\\d{4})");
    private static final Pattern BELGIAN_POSTAL_CODE = Pattern.compile("\\d{4}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PatronSettings settings;
    private final BelgianPostalCodes postalCodes;
    private final Clock clock;

    PatronRules(PatronSettings settings, BelgianPostalCodes postalCodes, Clock clock) {
        this.settings = settings;
        this.postalCodes = postalCodes;
        this.clock = clock;
    }

    /** Who is typing: only staff may give a patron a site printer's address (R-CON-3). */
    public enum Actor {
        STAFF,
        PUBLIC,
        LOAD
    }

    /**
     * Checks a whole draft for a patron of the given kind.
     *
     * @throws PatronRuleException listing every broken rule
     */
    public CheckedPatron check(PatronDraft draft, PatronKind kind, Actor actor) {
        var errors = new ArrayList<Violation>();
        var warnings = new ArrayList<Violation>();
        // A person with one name part (a mononym) is in the university's file with no first name:
        // the load keeps them (R-SIS-1); at the desk and on the public form the first name is asked.
        var firstName = actor == Actor.LOAD && Text.isBlank(draft.firstName())
                ? ""
                : name("firstName", draft.firstName(), errors);
        var lastName = name("lastName", draft.lastName(), errors);
        boolean external = kind.isExternal();

        if (external && draft.gender() == null) {
            errors.add(Violation.of("gender", "required"));
        }
        checkBirthDate(draft.birthDate(), external, errors);
        if (external && draft.preferredLanguage() == null) {
            errors.add(Violation.of("preferredLanguage", "required"));
        }
        var group = checkUserGroup(draft.userGroup(), kind, errors);
        var category = Text.tidy(draft.jobCategory());
        var description = Text.fold(draft.jobDescription());
        checkJob(category, draft.jobDescription(), kind, errors);
        var library = Text.isBlank(draft.resourceSharingLibrary())
                ? (external ? null : settings.defaultResourceSharingLibrary())
                : Text.tidy(draft.resourceSharingLibrary());
        if (library == null) {
            errors.add(Violation.of("resourceSharingLibrary", "required"));
        } else if (!settings.resourceSharingLibraries().contains(library)) {
            errors.add(Violation.of("resourceSharingLibrary", "resource-sharing-library.unknown"));
        }
        var universityKey = Text.tidy(draft.universityKey());
        if (universityKey != null
                && (universityKey.isEmpty() || universityKey.length() > 32 || !universityKey.matches("[A-Za-z0-9]+"))) {
            errors.add(Violation.of("universityKey", "university-key.format"));
        }

        var contacts = new ArrayList<CheckedContact>();
        for (int i = 0; i < draft.contacts().size(); i++) {
            var checked = checkContact(draft.contacts().get(i), kind, actor, "contacts[" + i + "]", errors, warnings);
            if (checked != null) {
                contacts.add(checked);
            }
        }
        requireContacts(draft.contacts(), external, errors);

        var expiration = draft.expirationDate() != null
                ? draft.expirationDate()
                : ExpirationPolicy.defaultExpiration(kind, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new PatronRuleException(errors);
        }
        return new CheckedPatron(
                firstName,
                lastName,
                draft.gender(),
                draft.birthDate(),
                draft.preferredLanguage(),
                group,
                emptyToNull(category),
                emptyToNull(description),
                library,
                expiration,
                emptyToNull(universityKey),
                contacts,
                warnings);
    }

    /** Checks one contact item on its own, for adding or editing a local item. */
    CheckedContact checkContact(ContactDraft draft, PatronKind kind, Actor actor) {
        var errors = new ArrayList<Violation>();
        var checked = checkContact(draft, kind, actor, "contact", errors, new ArrayList<>());
        if (checked == null || !errors.isEmpty()) {
            throw new PatronRuleException(errors);
        }
        return checked;
    }

    private String name(String field, @Nullable String raw, List<Violation> errors) {
        if (Text.isBlank(raw)) {
            errors.add(Violation.of(field, "required"));
            return "";
        }
        var value = Text.fold(raw);
        if (value.length() > NAME_MAX) {
            errors.add(Violation.of(field, "name.too-long", NAME_MAX));
        } else if (Text.hasInvisibleOrControl(raw)) {
            errors.add(Violation.of(field, "text.invisible-characters"));
        } else if (Text.hasStackedMarks(value)) {
            errors.add(Violation.of(field, "text.stacked-marks"));
        } else if (value.codePoints().anyMatch(Character::isDigit)) {
            errors.add(Violation.of(field, "name.digits"));
        } else if (!NAME_CHARACTERS.matcher(value).matches()
                || value.codePoints().noneMatch(Character::isLetter)) {
            errors.add(Violation.of(field, "name.characters"));
        } else if (Text.mixesScripts(value)) {
            errors.add(Violation.of(field, "name.mixed-scripts"));
        }
        return value;
    }

    private void checkBirthDate(@Nullable LocalDate birthDate, boolean required, List<Violation> errors) {
        if (birthDate == null) {
            if (required) {
                errors.add(Violation.of("birthDate", "required"));
            }
            return;
        }
        var today = LocalDate.now(clock);
        if (birthDate.isAfter(today)) {
            errors.add(Violation.of("birthDate", "birth-date.future"));
        } else if (birthDate.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            errors.add(Violation.of("birthDate", "birth-date.too-old", MAX_AGE_YEARS));
        }
    }

    /** R-GRP-1: a known group, allowed for the kind; never a university group for B or BX. */
    private String checkUserGroup(@Nullable String raw, PatronKind kind, List<Violation> errors) {
        if (Text.isBlank(raw)) {
            errors.add(Violation.of("userGroup", "required"));
            return "";
        }
        var name = Text.tidy(raw);
        var group = settings.userGroup(name);
        if (group.isEmpty()) {
            errors.add(Violation.of("userGroup", "user-group.unknown"));
        } else if (kind.isExternal() && group.get().university()) {
            errors.add(Violation.of("userGroup", "user-group.university-for-external"));
        } else if (!group.get().kinds().contains(kind)) {
            errors.add(Violation.of("userGroup", "user-group.not-for-kind", kind.name()));
        }
        return name;
    }

    /** R-GRP-2, R-GRP-3: a known category for the kind; a real description where it is needed. */
    private void checkJob(
            @Nullable String category, @Nullable String rawDescription, PatronKind kind, List<Violation> errors) {
        var description = Text.fold(rawDescription);
        boolean descriptionUsable = true;
        if (rawDescription != null && Text.hasInvisibleOrControl(rawDescription)) {
            errors.add(Violation.of("jobDescription", "text.invisible-characters"));
            descriptionUsable = false;
        } else if (description != null && Text.hasStackedMarks(description)) {
            errors.add(Violation.of("jobDescription", "text.stacked-marks"));
            descriptionUsable = false;
        } else if (description != null && description.length() > DESCRIPTION_MAX) {
            errors.add(Violation.of("jobDescription", "text.too-long", DESCRIPTION_MAX));
            descriptionUsable = false;
        }
        if (Text.isBlank(category)) {
            if (kind.isExternal()) {
                errors.add(Violation.of("jobCategory", "required"));
            }
            return;
        }
        var found = settings.jobCategory(category);
        if (found.isEmpty()) {
            errors.add(Violation.of("jobCategory", "job-category.unknown"));
            return;
        }
        var jobCategory = found.get();
        if (!jobCategory.kinds().contains(kind)) {
            errors.add(Violation.of("jobCategory", "job-category.not-for-kind", kind.name()));
            return;
        }
        if (!descriptionUsable) {
            return;
        }
        if (jobCategory.alumni()) {
            var matcher = description == null ? null : ALUMNI_DESCRIPTION.matcher(description);
            if (matcher == null || !matcher.matches()) {
                errors.add(Violation.of("jobDescription", "job-description.alumni"));
            } else {
                int year = Integer.parseInt(matcher.group(1));
                if (year < 1817 || year > LocalDate.now(clock).getYear()) {
                    errors.add(Violation.of("jobDescription", "job-description.alumni-year"));
                }
            }
        } else if (jobCategory.detailRequired()) {
            if (description == null || isPlaceholder(description)) {
                errors.add(Violation.of("jobDescription", "job-description.detail-required", jobCategory.name()));
            }
        }
    }

    static boolean isPlaceholder(String description) {
        var key = Text.searchKey(description);
        var compact = key.replace(" ", "");
        return PLACEHOLDERS.contains(key)
                || PLACEHOLDERS.contains(compact)
                || compact.length() < 2
                || compact.chars().distinct().count() == 1;
    }

    private void requireContacts(List<ContactDraft> contacts, boolean external, List<Violation> errors) {
        if (contacts.stream().noneMatch(c -> c.kind() == ContactKind.EMAIL)) {
            errors.add(Violation.of("emails", "email.missing"));
        }
        if (external && contacts.stream().noneMatch(c -> c.kind() == ContactKind.ADDRESS)) {
            errors.add(Violation.of("addresses", "address.missing"));
        }
        if (external && contacts.stream().noneMatch(c -> c.kind() == ContactKind.PHONE)) {
            errors.add(Violation.of("phones", "phone.missing"));
        }
    }

    private @Nullable CheckedContact checkContact(
            ContactDraft draft,
            PatronKind kind,
            Actor actor,
            String field,
            List<Violation> errors,
            List<Violation> warnings) {
        if (draft.usage() == null) {
            errors.add(Violation.of(field + ".usage", "contact.usage-required"));
            return null;
        }
        try {
            return switch (draft.kind()) {
                case EMAIL -> checkEmail(draft, kind, actor, field, warnings);
                case PHONE ->
                    new CheckedContact(
                            ContactKind.PHONE,
                            draft.usage(),
                            draft.preferred(),
                            PhoneNumber.parse(nullToEmpty(draft.value()), settings.phoneRegion())
                                    .digits(),
                            null,
                            null,
                            null);
                case ADDRESS -> checkAddress(draft, field, errors, warnings);
            };
        } catch (InvalidValueException e) {
            errors.add(e.at(field + ".value"));
            return null;
        }
    }

    /**
     * R-CON-1 and its one exception, R-CON-3. A domain that imitates a university domain
     * ({@code uliège.be}, docs/decisions/0007-confusable-input.md) is refused to the public like a
     * university address; staff, who have the person in front of them, are warned, and the desk
     * sees it flagged ({@link SuspiciousData.Reason#EMAIL_LOOKALIKE}).
     */
    private CheckedContact checkEmail(
            ContactDraft draft, PatronKind kind, Actor actor, String field, List<Violation> warnings) {
        var email = EmailAddress.parse(nullToEmpty(draft.value()));
        var printer = settings.siteByPrinter(email.value());
        if (draft.usage() == ContactUsage.PRINTER) {
            if (actor != Actor.STAFF) {
                throw new InvalidValueException("email.printer-staff-only");
            }
            if (printer.isEmpty()) {
                throw new InvalidValueException("email.printer-unknown");
            }
        } else if (kind.isExternal() && email.isInDomains(settings.universityDomains())) {
            throw new InvalidValueException(
                    printer.isPresent() ? "email.printer-needs-type" : "email.university", email.domain());
        } else if (kind.isExternal() && email.imitatesDomains(settings.universityDomains())) {
            if (actor == Actor.PUBLIC) {
                throw new InvalidValueException("email.university-lookalike", email.displayDomain());
            }
            warnings.add(Violation.of(field + ".value", "email.university-lookalike", email.displayDomain()));
        }
        return new CheckedContact(ContactKind.EMAIL, draft.usage(), draft.preferred(), email.value(), null, null, null);
    }

    /** R-CON-4: street line, postal code and city; Belgian ones checked against bpost's list. */
    private @Nullable CheckedContact checkAddress(
            ContactDraft draft, String field, List<Violation> errors, List<Violation> warnings) {
        int before = errors.size();
        var line1 = Text.fold(draft.value());
        var country = Text.isBlank(draft.country())
                ? "BE"
                : Text.tidy(draft.country()).toUpperCase(Locale.ROOT);
        var postalCode = Text.tidy(draft.postalCode());
        var city = Text.fold(draft.city());
        if (!COUNTRIES.contains(country)) {
            errors.add(Violation.of(field + ".country", "address.country.unknown"));
        }
        if (Text.isBlank(line1)) {
            errors.add(Violation.of(field + ".value", "address.line1.required"));
        } else if (line1.length() > ADDRESS_LINE_MAX) {
            errors.add(Violation.of(field + ".value", "text.too-long", ADDRESS_LINE_MAX));
        } else if (Text.hasInvisibleOrControl(draft.value())) {
            errors.add(Violation.of(field + ".value", "text.invisible-characters"));
        } else if (Text.hasStackedMarks(line1)) {
            errors.add(Violation.of(field + ".value", "text.stacked-marks"));
        } else if ("BE".equals(country) && line1.codePoints().noneMatch(Character::isDigit)) {
            errors.add(Violation.of(field + ".value", "address.line1.house-number"));
        }
        if (Text.isBlank(city)) {
            errors.add(Violation.of(field + ".city", "address.city.required"));
        } else if (city.length() > CITY_MAX) {
            errors.add(Violation.of(field + ".city", "text.too-long", CITY_MAX));
        } else if (Text.hasInvisibleOrControl(draft.city())) {
            errors.add(Violation.of(field + ".city", "text.invisible-characters"));
        } else if (Text.hasStackedMarks(city)) {
            errors.add(Violation.of(field + ".city", "text.stacked-marks"));
        }
        if (Text.isBlank(postalCode)) {
            errors.add(Violation.of(field + ".postalCode", "address.postal-code.required"));
        } else if ("BE".equals(country)) {
            if (!BELGIAN_POSTAL_CODE.matcher(postalCode).matches()) {
                errors.add(Violation.of(field + ".postalCode", "address.postal-code.format"));
            } else if (!Text.isBlank(city) && errors.size() == before) {
                switch (postalCodes.check(postalCode, city)) {
                    case BelgianPostalCodes.Check.UnknownCode u ->
                        errors.add(Violation.of(field + ".postalCode", "address.postal-code.unknown", postalCode));
                    case BelgianPostalCodes.Check.SpecialCode s ->
                        errors.add(
                                Violation.of(field + ".postalCode", "address.postal-code.not-residential", postalCode));
                    case BelgianPostalCodes.Check.CityMismatch m ->
                        errors.add(Violation.of(
                                field + ".city",
                                "address.city.mismatch",
                                postalCode,
                                String.join(", ", m.suggestions())));
                    case BelgianPostalCodes.Check.Match match -> city = BelgianPostalCodes.stored(match, city);
                    case BelgianPostalCodes.Check.NotChecked n -> {}
                }
            }
        } else if (postalCode.length() > 16 || Text.hasInvisibleOrControl(postalCode)) {
            errors.add(Violation.of(field + ".postalCode", "address.postal-code.format"));
        }
        if (!"BE".equals(country)) {
            warnings.add(Violation.of(field + ".country", "address.foreign"));
        }
        if (errors.size() != before) {
            return null;
        }
        return new CheckedContact(
                ContactKind.ADDRESS,
                draft.usage() == null ? ContactUsage.HOME : draft.usage(),
                draft.preferred(),
                line1,
                postalCode,
                city,
                country);
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
