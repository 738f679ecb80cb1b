package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.identifier.IdentifierRange;
import be.uliege.library.registration.patron.identifier.IdentifierSequences;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.internal.AdditionalIdentifier;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import be.uliege.library.registration.patron.internal.ContactItem;
import be.uliege.library.registration.security.Roles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking over an existing record for the person at the desk (R-DESK-3), and converting a former
 * U, S or C into an external patron (R-CNV-1): first a field-by-field comparison, then the fields
 * the operator chose, nothing else. Converting is a desk manager's task (R-DESK-1).
 *
 * <p>Longer than most services, on purpose: the comparison and the take-over share the
 * field-by-field reading and picking ({@code currentText}, {@code merged}, {@code chosen}), which
 * stay side by side so that what the operator is shown is exactly what is written.
 *
 * @see "docs/decisions/0009-take-over-keeps-the-record.md"
 */
@Service
public class PatronTakeOver {

    private final PatronStore store;
    private final PatronHistory history;
    private final PatronRules rules;
    private final IdentifierSequences sequences;
    private final PatronSettings settings;
    private final ApplicationEventPublisher events;
    private final CurrentStaff staff;

    PatronTakeOver(
            PatronStore store,
            PatronHistory history,
            PatronRules rules,
            IdentifierSequences sequences,
            PatronSettings settings,
            ApplicationEventPublisher events,
            CurrentStaff staff) {
        this.store = store;
        this.history = history;
        this.rules = rules;
        this.sequences = sequences;
        this.settings = settings;
        this.events = events;
        this.staff = staff;
    }

    /**
     * What taking over an existing record with the data given now would change (R-DESK-3,
     * R-CNV-1), field by field, for the operator to choose before anything is written (see
     * {@link #takeOver}). The data given must pass the rules on their own, as for a new record;
     * each field the record could not keep says why. Converting a former U, S or C is a desk
     * manager's task (R-DESK-1): refused to others here already.
     *
     * @param alsoKnownAs the identifier the take-over will keep as a former one (a pre-registration's B95)
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public TakeOverComparison compareTakeOver(long id, PatronDraft given, @Nullable String alsoKnownAs) {
        var patron = store.load(id);
        boolean conversion = requireMayTakeOver(patron);
        var kind = conversion ? PatronKind.B : patron.getKind();
        var proposed = rules.check(given.withExpirationDate(patron.getExpirationDate()), kind, PatronRules.Actor.STAFF);
        var rows = new ArrayList<TakeOverComparison.Row>();
        for (var field : TakeOverComparison.Field.choosableFields()) {
            var current = currentText(patron, field);
            var next = proposedText(proposed, field);
            if (Objects.equals(current, next)) {
                rows.add(new TakeOverComparison.Row(field, current, next, TakeOverComparison.Change.SAME, null));
                continue;
            }
            var keepOnly = EnumSet.copyOf(TakeOverComparison.Field.choosableFields());
            keepOnly.remove(field);
            Violation refused = null;
            try {
                rules.check(merged(patron, given, keepOnly), kind, PatronRules.Actor.STAFF);
            } catch (PatronRuleException e) {
                refused = e.violations().getFirst();
            }
            rows.add(new TakeOverComparison.Row(
                    field,
                    current,
                    next,
                    refused == null ? TakeOverComparison.Change.CHOICE : TakeOverComparison.Change.FORCED,
                    refused));
        }
        var formers = patron.getIdentifiers().stream()
                .filter(i -> i.getType() == IdentifierType.FORMER_PRIMARY)
                .map(AdditionalIdentifier::getValue)
                .toList();
        var newFormers = new ArrayList<>(formers);
        if (conversion) {
            newFormers.add(patron.getPrimaryIdentifier());
        }
        if (alsoKnownAs != null && !newFormers.contains(alsoKnownAs)) {
            newFormers.add(alsoKnownAs);
        }
        rows.add(consequence(
                TakeOverComparison.Field.PRIMARY_IDENTIFIER,
                patron.getPrimaryIdentifier(),
                conversion ? null : patron.getPrimaryIdentifier()));
        rows.add(consequence(TakeOverComparison.Field.FORMER_IDENTIFIERS, joined(formers), joined(newFormers)));
        rows.add(consequence(
                TakeOverComparison.Field.ACCOUNT_TYPE, patron.getAccountType().name(), AccountType.INTERNAL.name()));
        rows.add(consequence(TakeOverComparison.Field.UNIVERSITY_KEY, patron.getUniversityKey(), null));
        rows.add(consequence(
                TakeOverComparison.Field.OWNING_SYSTEM,
                patron.getOwningSystem(),
                kind.isExternal() ? settings.externalOwningSystem() : patron.getOwningSystem()));
        rows.add(consequence(
                TakeOverComparison.Field.STATUS,
                patron.getStatus().name(),
                patron.getStatus().name()));
        rows.add(consequence(
                TakeOverComparison.Field.EXPIRATION_DATE,
                patron.getExpirationDate().toString(),
                patron.getExpirationDate().toString()));
        rows.sort(Comparator.comparing(r -> r.change() == TakeOverComparison.Change.SAME));
        return new TakeOverComparison(
                patron.getId(), patron.getVersion(), patron.getPrimaryIdentifier(), patron.getKind(), conversion, rows);
    }

    /**
     * The same person found at the desk as an existing record (R-DESK-3, R-CNV-1): the record takes,
     * of the data the person gave now, only the fields the operator chose ({@code takeNew}, read in
     * a {@link #compareTakeOver comparison}); every other field keeps the record's value. A former
     * U, S or C is converted into an external patron: detached from the nightly load (its
     * university key kept as an additional identifier only, its contact items local), a new B
     * identifier from the desk range with the old one kept (R-ID-4), and the fields a B patron
     * cannot keep (a university group, a university e-mail) must be among the chosen ones, or the
     * rules refuse them. Conversions are a desk manager's task (R-DESK-1). Every change goes to the
     * history, and so do the fields kept against the data given (R-REC-6).
     *
     * @param expectedVersion the version the comparison was read at: refused when the record changed since
     * @param alsoKnownAs     an identifier the person was given for the same registration (the B95 one
     *                        of a pre-registration), kept as a former identifier so that it still finds them
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails takeOver(
            long id,
            long expectedVersion,
            PatronDraft given,
            Set<TakeOverComparison.Field> takeNew,
            @Nullable String alsoKnownAs) {
        var patron = store.loadForChange(id, expectedVersion);
        boolean conversion = requireMayTakeOver(patron);
        var kind = conversion ? PatronKind.B : patron.getKind();
        var checked = rules.check(merged(patron, given, takeNew), kind, PatronRules.Actor.STAFF);
        var kept = keptAgainstGiven(patron, given, kind, takeNew);
        var before = patron.snapshot();
        var old = patron.getPrimaryIdentifier();
        var universityKey = patron.getUniversityKey();
        if (conversion) {
            patron.changePrimaryIdentifier(sequences.next(PatronKind.B, IdentifierRange.DESK), settings);
        }
        if (universityKey != null
                && patron.getIdentifiers().stream()
                        .noneMatch(i -> i.getType() == IdentifierType.UNIVERSITY_KEY
                                && i.getValue().equals(universityKey))) {
            patron.addIdentifier(IdentifierType.UNIVERSITY_KEY, universityKey);
        }
        patron.apply(FieldChoices.checked(takeNew, checked, patron, null), settings, store.now());
        for (var kindOfItem : ContactKind.values()) {
            if (takeNew.contains(TakeOverComparison.Field.of(kindOfItem))) {
                patron.replaceContactsOf(kindOfItem, checked.contacts());
            }
        }
        if (conversion) {
            patron.detachContacts();
        }
        if (alsoKnownAs != null && !alsoKnownAs.equals(patron.getPrimaryIdentifier())) {
            patron.addIdentifier(IdentifierType.FORMER_PRIMARY, alsoKnownAs);
        }
        var saved = store.saveAndRecord(patron, before);
        if (!kept.isEmpty()) {
            history.record(saved.getId(), Map.of(), Map.of("takeOverKept", String.join(", ", kept)));
        }
        if (conversion) {
            events.publishEvent(new PatronIdentifierChanged(saved.getId(), old, saved.getPrimaryIdentifier()));
        }
        return PatronDetails.of(saved);
    }

    /** Whether taking the record over converts it; a conversion is a desk manager's (R-DESK-1, R-CNV-1). */
    private boolean requireMayTakeOver(Patron patron) {
        boolean conversion = !patron.getKind().isExternal();
        if (conversion && !staff.hasRole(Roles.DESK_MANAGER)) {
            throw new AccessDeniedException("Converting a former U, S or C patron is a desk manager's task");
        }
        return conversion;
    }

    /** The record's data with the chosen fields taken from the data given, detached from the nightly load. */
    private static PatronDraft merged(Patron patron, PatronDraft given, Set<TakeOverComparison.Field> takeNew) {
        var record = patron.toDraft();
        var contacts = new ArrayList<ContactDraft>();
        for (var kindOfItem : ContactKind.values()) {
            var source = takeNew.contains(TakeOverComparison.Field.of(kindOfItem)) ? given : record;
            source.contacts().stream().filter(c -> c.kind() == kindOfItem).forEach(contacts::add);
        }
        return FieldChoices.draft(takeNew, given, record, patron.getExpirationDate(), contacts);
    }

    /** The history names of the choosable fields the record kept although the data given differ. */
    private List<String> keptAgainstGiven(
            Patron patron, PatronDraft given, PatronKind kind, Set<TakeOverComparison.Field> takeNew) {
        CheckedPatron proposed;
        try {
            proposed = rules.check(given.withExpirationDate(patron.getExpirationDate()), kind, PatronRules.Actor.STAFF);
        } catch (PatronRuleException e) {
            proposed = null;
        }
        var kept = new ArrayList<String>();
        for (var field : TakeOverComparison.Field.choosableFields()) {
            if (!takeNew.contains(field)
                    && (proposed == null
                            || !Objects.equals(currentText(patron, field), proposedText(proposed, field)))) {
                kept.add(field.historyName());
            }
        }
        return kept;
    }

    private static TakeOverComparison.Row consequence(
            TakeOverComparison.Field field, @Nullable String current, @Nullable String proposed) {
        return new TakeOverComparison.Row(
                field,
                current,
                proposed,
                Objects.equals(current, proposed) ? TakeOverComparison.Change.SAME : TakeOverComparison.Change.FORCED,
                null);
    }

    private static @Nullable String joined(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    /** A choosable field of the record as the comparison shows it. */
    private static @Nullable String currentText(Patron patron, TakeOverComparison.Field field) {
        return switch (field) {
            case FIRST_NAME -> patron.getFirstName();
            case LAST_NAME -> patron.getLastName();
            case GENDER ->
                patron.getGender() == null ? null : patron.getGender().name();
            case BIRTH_DATE ->
                patron.getBirthDate() == null ? null : patron.getBirthDate().toString();
            case PREFERRED_LANGUAGE ->
                patron.getPreferredLanguage() == null
                        ? null
                        : patron.getPreferredLanguage().name();
            case USER_GROUP -> patron.getUserGroup();
            case JOB_CATEGORY -> patron.getJobCategory();
            case JOB_DESCRIPTION -> patron.getJobDescription();
            case RESOURCE_SHARING_LIBRARY -> patron.getResourceSharingLibrary();
            case EMAIL, PHONE, ADDRESS ->
                joined(patron.getContacts().stream()
                        .filter(c -> c.getKind() == field.contactKind().orElseThrow())
                        .map(c -> c.display())
                        .sorted()
                        .toList());
            default -> throw new IllegalArgumentException("Not choosable: " + field);
        };
    }

    /** A choosable field of the checked data given, as the comparison shows it. */
    private static @Nullable String proposedText(CheckedPatron given, TakeOverComparison.Field field) {
        return switch (field) {
            case FIRST_NAME -> given.firstName();
            case LAST_NAME -> given.lastName();
            case GENDER -> given.gender() == null ? null : given.gender().name();
            case BIRTH_DATE ->
                given.birthDate() == null ? null : given.birthDate().toString();
            case PREFERRED_LANGUAGE ->
                given.preferredLanguage() == null
                        ? null
                        : given.preferredLanguage().name();
            case USER_GROUP -> given.userGroup();
            case JOB_CATEGORY -> given.jobCategory();
            case JOB_DESCRIPTION -> given.jobDescription();
            case RESOURCE_SHARING_LIBRARY -> given.resourceSharingLibrary();
            case EMAIL, PHONE, ADDRESS ->
                joined(given.contacts().stream()
                        .filter(c -> c.kind() == field.contactKind().orElseThrow())
                        .map(c -> ContactItem.display(c))
                        .sorted()
                        .toList());
            default -> throw new IllegalArgumentException("Not choosable: " + field);
        };
    }
}
