package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.internal.AdditionalIdentifier;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.ContactItem;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of the same person (R-DESK-9), a desk manager's task (R-DESK-1): first a
 * {@link MergeComparison}, then the merge of the fields the manager chose, in one transaction —
 * never half a merge. The survivor keeps its primary identifier and takes every identifier of the
 * absorbed record, whose primary one becomes a former primary identifier (R-ID-4), its contact
 * items and notes (local), its history, and — through {@link PatronsMerged}, handled by their
 * owning modules in the same transaction — its fees, cards, photo, registrations and directory
 * account (never two enabled accounts for one person). The absorbed record is then deleted: it
 * can never be found as a patron again, and its identifier finds the survivor.
 *
 * <p>A record loaded from the university (R-EXT-1) must survive, with its loaded values; two
 * loaded records are the load's to sort out and are never merged at the desk.
 *
 * @see "docs/decisions/0012-merge.md"
 */
@Service
public class PatronMerge {

    /** The fields the manager picks, side by side: identity and group (contacts all move). */
    static final Set<TakeOverComparison.Field> FIELDS = EnumSet.of(
            TakeOverComparison.Field.LAST_NAME,
            TakeOverComparison.Field.FIRST_NAME,
            TakeOverComparison.Field.GENDER,
            TakeOverComparison.Field.BIRTH_DATE,
            TakeOverComparison.Field.PREFERRED_LANGUAGE,
            TakeOverComparison.Field.USER_GROUP,
            TakeOverComparison.Field.JOB_CATEGORY,
            TakeOverComparison.Field.JOB_DESCRIPTION,
            TakeOverComparison.Field.RESOURCE_SHARING_LIBRARY);

    private final PatronStore store;
    private final PatronRepository patrons;
    private final PatronHistory history;
    private final PatronRules rules;
    private final PatronSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    PatronMerge(
            PatronStore store,
            PatronRepository patrons,
            PatronHistory history,
            PatronRules rules,
            PatronSettings settings,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc) {
        this.store = store;
        this.patrons = patrons;
        this.history = history;
        this.rules = rules;
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * The two records side by side (R-DESK-9), read before anything is written. Refused, in words,
     * for the same record twice and for two records loaded from the university.
     *
     * @param firstId     the record the merge starts from
     * @param secondQuery the other record, by any of its identifiers (R-ID-6)
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional(readOnly = true)
    public MergeComparison compare(long firstId, String secondQuery) {
        var first = store.load(firstId);
        var wanted = secondQuery.strip();
        var ids = wanted.isEmpty() || wanted.length() > 64
                ? List.<Long>of()
                : patrons.idsByAnyIdentifier(wanted.toUpperCase(Locale.ROOT));
        if (ids.size() != 1) {
            throw new PatronRuleException(Violation.of("merge", "merge.not-found", cut(wanted)));
        }
        var second = store.load(ids.getFirst());
        requireMergeable(first, second);
        boolean loaded =
                first.getAccountType() == AccountType.EXTERNAL || second.getAccountType() == AccountType.EXTERNAL;
        var rows = new ArrayList<MergeComparison.Row>();
        for (var field : FIELDS) {
            var a = text(first, field);
            var b = text(second, field);
            rows.add(new MergeComparison.Row(field, a, b, !loaded && !Objects.equals(a, b)));
        }
        rows.sort(Comparator.comparing(r -> !r.differs()));
        return new MergeComparison(side(first), side(second), rows);
    }

    /**
     * Merges the absorbed record into the survivor (R-DESK-9), in one transaction: the survivor
     * takes, of the absorbed record's values, only the fields in {@code takeFromAbsorbed}; every
     * other field keeps its own. Refused when either record changed since the comparison (optimistic
     * locking), when the absorbed record is the loaded one or both are loaded (R-EXT-1), when a
     * loaded survivor would take a value, and when the chosen values break the rules.
     *
     * @return the survivor as it is now
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public PatronDetails merge(
            long survivorId,
            long survivorVersion,
            long absorbedId,
            long absorbedVersion,
            Set<TakeOverComparison.Field> takeFromAbsorbed) {
        if (survivorId == absorbedId) {
            throw new PatronRuleException(Violation.of("merge", "merge.same-record"));
        }
        var survivor = store.loadForChange(survivorId, survivorVersion);
        var absorbed = store.loadForChange(absorbedId, absorbedVersion);
        requireMergeable(survivor, absorbed);
        if (absorbed.getAccountType() == AccountType.EXTERNAL) {
            throw new PatronRuleException(
                    Violation.of("merge", "merge.loaded-survives", absorbed.getPrimaryIdentifier()));
        }
        var take = EnumSet.noneOf(TakeOverComparison.Field.class);
        take.addAll(takeFromAbsorbed);
        take.retainAll(FIELDS);
        if (survivor.getAccountType() == AccountType.EXTERNAL && !take.isEmpty()) {
            throw new PatronRuleException(
                    Violation.of("merge", "merge.loaded-fields", survivor.getPrimaryIdentifier()));
        }
        var values = survivor.getAccountType() == AccountType.EXTERNAL
                ? null
                : rules.check(
                        FieldChoices.draft(
                                take,
                                absorbed.toDraft(),
                                survivor.toDraft(),
                                survivor.getExpirationDate(),
                                survivor.toDraft().contacts()),
                        survivor.getKind(),
                        PatronRules.Actor.STAFF);

        var before = survivor.snapshot();
        var absorbedIdentifier = absorbed.getPrimaryIdentifier();
        var movedIdentifiers = new ArrayList<Map.Entry<IdentifierType, String>>();
        movedIdentifiers.add(Map.entry(IdentifierType.FORMER_PRIMARY, absorbedIdentifier));
        absorbed.getIdentifiers().forEach(i -> movedIdentifiers.add(Map.entry(i.getType(), i.getValue())));
        var movedContacts =
                absorbed.getContacts().stream().map(ContactItem::toChecked).toList();
        var movedNotes = List.copyOf(absorbed.getNotes());

        // The other modules re-point their rows now, before the absorbed record and its cascades go.
        events.publishEvent(new PatronsMerged(
                survivor.getId(), survivor.getPrimaryIdentifier(), survivor.getKind(), absorbedId, absorbedIdentifier));
        jdbc.update("update patron_history set patron_id = ? where patron_id = ?", survivor.getId(), absorbedId);
        jdbc.update("update identity_check set patron_id = ? where patron_id = ?", survivor.getId(), absorbedId);
        for (var note : movedNotes) {
            survivor.addNote(ContactSource.LOCAL, note.getText(), note.getCreatedBy(), note.getCreatedAt());
        }
        patrons.delete(absorbed);
        patrons.flush(); // its identifiers are unique: gone before the survivor takes them

        if (values != null) {
            survivor.apply(
                    FieldChoices.checked(take, values, survivor, survivor.getUniversityKey()), settings, store.now());
        }
        var kept = new HashSet<String>();
        survivor.getIdentifiers().forEach(i -> kept.add(i.getValue()));
        kept.add(survivor.getPrimaryIdentifier());
        for (var identifier : movedIdentifiers) {
            if (kept.add(identifier.getValue())) {
                survivor.addIdentifier(identifier.getKey(), identifier.getValue());
            }
        }
        var shown = new HashSet<String>();
        survivor.getContacts().forEach(c -> shown.add(c.getKind() + " " + c.display()));
        for (var contact : movedContacts) {
            if (shown.add(contact.kind() + " " + ContactItem.display(contact))) {
                boolean hasKind = survivor.getContacts().stream().anyMatch(c -> c.getKind() == contact.kind());
                survivor.addContact(ContactSource.LOCAL, hasKind ? notPreferred(contact) : contact);
            }
        }
        var saved = store.saveAndRecord(survivor, before);
        history.record(saved.getId(), Map.of(), Map.of("mergedWith", absorbedIdentifier));
        return PatronDetails.of(saved);
    }

    /** Refuses the same record twice and two loaded records (R-DESK-9), in words. */
    private static void requireMergeable(Patron first, Patron second) {
        if (first.getId().equals(second.getId())) {
            throw new PatronRuleException(Violation.of("merge", "merge.same-record"));
        }
        if (first.getAccountType() == AccountType.EXTERNAL && second.getAccountType() == AccountType.EXTERNAL) {
            throw new PatronRuleException(Violation.of(
                    "merge", "merge.both-loaded", first.getPrimaryIdentifier(), second.getPrimaryIdentifier()));
        }
    }

    private static MergeComparison.Side side(Patron p) {
        return new MergeComparison.Side(
                p.getId(),
                p.getVersion(),
                p.getPrimaryIdentifier(),
                p.getKind(),
                p.getAccountType() == AccountType.EXTERNAL,
                p.getStatus(),
                p.getExpirationDate(),
                p.getIdentifiers().stream()
                        .map(AdditionalIdentifier::getValue)
                        .sorted()
                        .toList(),
                p.getContacts().size(),
                p.getNotes().size());
    }

    private static CheckedContact notPreferred(CheckedContact c) {
        return new CheckedContact(c.kind(), c.usage(), false, c.value(), c.postalCode(), c.city(), c.country());
    }

    private static String cut(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    /** A field of a record as the comparison shows it. */
    private static @Nullable String text(Patron patron, TakeOverComparison.Field field) {
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
            default -> throw new IllegalArgumentException("Not merged field by field: " + field);
        };
    }
}
