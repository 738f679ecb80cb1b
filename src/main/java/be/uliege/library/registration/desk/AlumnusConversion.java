package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.fee.FeeSettings;
import be.uliege.library.registration.patron.IdentityDocument;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.PatronSettings;
import be.uliege.library.registration.patron.TakeOverComparison;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A former student who comes back as an alumnus (R-CNV-2, R-CNV-1, R-GRP-3, R-FEE-1): the former S
 * record found at the walk-in or the validation is converted, like any former student, through the
 * one take-over dialog, but its user group, job category and description are the alumnus's own —
 * the private-use external group ("Extérieur": free registration, the card fee only), the alumni
 * category ("Alumni ULiège") and "Alumni &lt;year of the last degree&gt;". A conversion is a desk
 * manager's task (R-DESK-1); the history says the record was converted as an alumnus, and from
 * which year.
 *
 * <p>The year typed is read leniently but never guessed: spaces are dropped ("20 20"), and digits
 * of any script become ASCII digits ("٢٠٢٠" → 2020), since a year typed on an Arabic keyboard is
 * still that year; anything else — a letter, a sign, markup, more or fewer than four digits, a
 * year before the university's founding (1817) or in the future — is refused in words.
 *
 * @see "docs/decisions/0009-take-over-keeps-the-record.md"
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class AlumnusConversion {

    /** The university's founding year: no degree is older. */
    public static final int FOUNDED = 1817;

    /** The fields an alumnus's conversion always takes from the data given. */
    private static final Set<Field> ALUMNUS_FIELDS =
            EnumSet.of(Field.USER_GROUP, Field.JOB_CATEGORY, Field.JOB_DESCRIPTION);

    private final DeskValidation validation;
    private final PatronService patrons;
    private final PatronHistory history;
    private final PatronSettings settings;
    private final FeeSettings feeSettings;
    private final CurrentStaff staff;
    private final Clock clock;

    AlumnusConversion(
            DeskValidation validation,
            PatronService patrons,
            PatronHistory history,
            PatronSettings settings,
            FeeSettings feeSettings,
            CurrentStaff staff,
            Clock clock) {
        this.validation = validation;
        this.patrons = patrons;
        this.history = history;
        this.settings = settings;
        this.feeSettings = feeSettings;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The year of the last degree as typed, checked: four digits (spaces dropped, digits of any
     * script read as such), from {@link #FOUNDED} to this year. Refused with the reason in words
     * (field {@code alumnusYear}).
     */
    public int year(@Nullable String typed) {
        return parseYear(typed, LocalDate.now(clock).getYear());
    }

    static int parseYear(@Nullable String typed, int thisYear) {
        if (typed == null || typed.isBlank()) {
            throw refused("alumnus-year.required");
        }
        var digits = new StringBuilder();
        var at = 0;
        while (at < typed.length()) {
            var codePoint = typed.codePointAt(at);
            at += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                continue;
            }
            if (!Character.isDigit(codePoint) || digits.length() == 4) {
                throw refused("alumnus-year.digits");
            }
            digits.append(Character.digit(codePoint, 10));
        }
        if (digits.length() != 4) {
            throw refused("alumnus-year.digits");
        }
        var year = Integer.parseInt(digits.toString());
        if (year < FOUNDED || year > thisYear) {
            // As text: a number would be written "1 817" in French.
            throw refused("alumnus-year.range", String.valueOf(FOUNDED), String.valueOf(thisYear));
        }
        return year;
    }

    private static PatronRuleException refused(String code, Object... args) {
        return new PatronRuleException(Violation.of("alumnusYear", code, args));
    }

    /** What converting the former student of a walk-in into an alumnus would change; nothing is written. */
    @Transactional(readOnly = true)
    public TakeOverComparison compareWalkIn(long existingId, PatronDraft data, @Nullable String typedYear) {
        var draft = alumnus(existingId, data, typedYear);
        return validation.compareTakeOverWalkIn(existingId, draft);
    }

    /**
     * The former student met at the desk without a pre-registration, converted into an alumnus:
     * the chosen fields of the data given, the alumnus's group, category and description whatever
     * the choice, then the identity document and the registration fee (the card only, R-FEE-1).
     */
    @Transactional
    public PatronDetails convertWalkIn(
            long existingId,
            long existingVersion,
            PatronDraft data,
            @Nullable String typedYear,
            Set<Field> takeNew,
            IdentityDocument document) {
        var draft = alumnus(existingId, data, typedYear);
        validation.takeOverWalkIn(existingId, existingVersion, draft, withAlumnusFields(takeNew), document);
        return recorded(existingId, draft);
    }

    /** What converting the former student into an alumnus with a pre-registration's data would change. */
    @Transactional(readOnly = true)
    public TakeOverComparison compare(long entryId, long existingId, PatronDraft data, @Nullable String typedYear) {
        var draft = alumnus(existingId, data, typedYear);
        return validation.compareTakeOver(entryId, existingId, draft);
    }

    /**
     * The person of the pre-registration is a former student who comes back as an alumnus: the
     * record is converted as in {@link DeskValidation#takeOver}, with the alumnus's group, category
     * and description, and the pre-registered record is deleted.
     */
    @Transactional
    public PatronDetails convert(
            long entryId,
            long existingId,
            long existingVersion,
            PatronDraft data,
            @Nullable String typedYear,
            Set<Field> takeNew,
            IdentityDocument document) {
        var draft = alumnus(existingId, data, typedYear);
        validation.takeOver(entryId, existingId, existingVersion, draft, withAlumnusFields(takeNew), document);
        return recorded(existingId, draft);
    }

    /** The data given as an alumnus's: checked first, the year last (a manager's task, a former student). */
    private PatronDraft alumnus(long existingId, PatronDraft data, @Nullable String typedYear) {
        if (!staff.hasRole(Roles.DESK_MANAGER)) {
            throw new AccessDeniedException("Converting a former student is a desk manager's task");
        }
        if (patrons.details(existingId).kind() != PatronKind.S) {
            throw new PatronRuleException(Violation.of("kind", "alumnus.not-student"));
        }
        var year = year(typedYear);
        return new PatronDraft(
                data.firstName(),
                data.lastName(),
                data.gender(),
                data.birthDate(),
                data.preferredLanguage(),
                privateUseGroup(),
                alumniCategory(),
                "Alumni " + year,
                data.resourceSharingLibrary(),
                data.expirationDate(),
                data.universityKey(),
                data.contacts());
    }

    private PatronDetails recorded(long patronId, PatronDraft draft) {
        history.recordStep(
                PatronId.of(patronId),
                "alumnus",
                "former student converted into an alumnus (" + draft.jobDescription() + ")");
        return patrons.details(patronId);
    }

    private static Set<Field> withAlumnusFields(Set<Field> takeNew) {
        var fields = EnumSet.copyOf(ALUMNUS_FIELDS);
        fields.addAll(takeNew);
        return fields;
    }

    /** The configured alumni category for B patrons (R-GRP-2, R-GRP-3). */
    private String alumniCategory() {
        return settings.jobCategories().stream()
                .filter(c -> c.alumni() && c.kinds().contains(PatronKind.B))
                .map(PatronSettings.JobCategory::name)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("registration.patron.job-categories: no alumni category"));
    }

    /** The first external group of private use: free registration, the card only (R-FEE-1, R-GRP-1). */
    private String privateUseGroup() {
        return settings.userGroups().stream()
                .filter(g -> g.kinds().contains(PatronKind.B)
                        && !g.university()
                        && !feeSettings.professionalGroups().contains(g.name()))
                .map(PatronSettings.UserGroup::name)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("registration.patron.user-groups: no private B group"));
    }
}
