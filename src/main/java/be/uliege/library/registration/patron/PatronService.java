package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.patron.history.HistoryRepository;
import be.uliege.library.registration.patron.identifier.IdentifierRange;
import be.uliege.library.registration.patron.identifier.IdentifierSequences;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.identifier.RangeUsage;
import be.uliege.library.registration.patron.internal.AdditionalIdentifier;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import be.uliege.library.registration.patron.internal.ContactItem;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patron record's API for the desk and for the other features. Every change is checked by
 * {@link PatronRules}, recorded field by field in the history (R-REC-6), and refused when someone
 * else changed the record since it was read (optimistic locking).
 */
@Service
public class PatronService {

    static final int SEARCH_LIMIT = 50;
    private static final int HISTORY_VALUE_MAX = 1000;

    private final PatronRepository patrons;
    private final HistoryRepository history;
    private final PatronRules rules;
    private final IdentifierSequences sequences;
    private final PatronSearch search;
    private final PatronSettings settings;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PatronService(
            PatronRepository patrons,
            HistoryRepository history,
            PatronRules rules,
            IdentifierSequences sequences,
            PatronSearch search,
            PatronSettings settings,
            Clock clock,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.patrons = patrons;
        this.history = history;
        this.rules = rules;
        this.sequences = sequences;
        this.search = search;
        this.settings = settings;
        this.clock = clock;
    }

    /** The outcome of a search: what the query was understood as, and the patrons found. */
    public record SearchResult(String understoodAs, List<PatronSummary> patrons) {}

    /** What narrows a search: a kind of patron, a status; null for any. */
    public record SearchFilter(
            @Nullable PatronKind kind, @Nullable PatronStatus status) {

        /** Every kind, every status. */
        public static final SearchFilter NONE = new SearchFilter(null, null);
    }

    /** Finds patrons by identifier, name, e-mail, phone or birth date (R-ID-6). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public SearchResult search(String query) {
        return search(query, SearchFilter.NONE);
    }

    /**
     * Finds patrons by identifier or the beginning of one (three characters at least, "S19",
     * "B95"), name, e-mail, phone or birth date (R-ID-6), of the kind and status asked for.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public SearchResult search(String query, SearchFilter filter) {
        var result = search.search(query, filter, SEARCH_LIMIT);
        var found = (result.ids().isEmpty() ? List.<Patron>of() : patrons.findWithContacts(result.ids()))
                .stream()
                        .map(PatronSummary::of)
                        .sorted(Comparator.comparing(PatronSummary::lastName, String.CASE_INSENSITIVE_ORDER)
                                .thenComparing(PatronSummary::firstName, String.CASE_INSENSITIVE_ORDER))
                        .toList();
        return new SearchResult(result.interpretation().name(), found);
    }

    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public PatronDetails details(long id) {
        return PatronDetails.of(load(id));
    }

    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<HistoryLine> history(long id) {
        return history.findByPatronIdOrderByChangedAtDescIdDesc(id).stream()
                .map(h -> new HistoryLine(
                        h.getChangedAt(), h.getChangedBy(), h.getField(), h.getOldValue(), h.getNewValue()))
                .toList();
    }

    /**
     * Registers an external patron (B or BX) at the desk with a new identifier from the desk range
     * (R-ID-3, R-DESK-5); the record starts inactive until the registration step. BX patrons are a
     * manager's decision (R-DESK-1).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "') and (#kind.name() != 'BX' or hasRole('" + Roles.DESK_MANAGER
            + "'))")
    @Transactional
    public PatronDetails registerAtDesk(PatronKind kind, PatronDraft draft) {
        if (!kind.isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        var checked = rules.check(draft, kind, PatronRules.Actor.STAFF);
        var identifier = sequences.next(kind, IdentifierRange.DESK);
        return PatronDetails.of(create(identifier, checked, PatronStatus.INACTIVE));
    }

    /**
     * Creates a record with a known identifier: the university's people from the nightly load, and
     * the embedded defaults' demo data. Not for the desk, which gets its identifiers from the
     * sequences.
     */
    @Transactional
    public PatronDetails createWithIdentifier(
            String identifier, PatronDraft draft, PatronStatus status, PatronRules.Actor actor) {
        var primary = PrimaryIdentifier.parse(identifier, settings);
        if (patrons.isIdentifierTaken(primary.value())) {
            throw new PatronRuleException(Violation.of("primaryIdentifier", "identifier.taken", primary.value()));
        }
        var checked = rules.check(draft, primary.kind(), actor);
        return PatronDetails.of(create(primary, checked, status));
    }

    /**
     * A public pre-registration (R-PRE-3): an inactive B patron with a new identifier from the B95
     * range, checked by the same rules as at the desk, as typed by the public (no printer address,
     * R-CON-3). Anonymous by design: the pre-registration feature is its only caller and guards it
     * (challenge, rate limits).
     */
    @Transactional
    public PatronDetails preRegister(PrimaryIdentifier identifier, PatronDraft draft) {
        var range = settings.identifierRanges().preRegistration();
        long number = Long.parseLong(identifier.value().substring(1));
        if (identifier.kind() != PatronKind.B || number < range.from() || number > range.to()) {
            throw new IllegalArgumentException("Not a pre-registration identifier: " + identifier);
        }
        var checked = rules.check(draft, PatronKind.B, PatronRules.Actor.PUBLIC);
        return PatronDetails.of(create(identifier, checked, PatronStatus.INACTIVE));
    }

    /**
     * Takes the next B95 identifier at once, in its own short transaction (R-ID-3), before the
     * pre-registration is stored; must be called outside any transaction.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PrimaryIdentifier reservePreRegistrationIdentifier() {
        return sequences.reserve(PatronKind.B, IdentifierRange.PRE_REGISTRATION);
    }

    /**
     * Every broken rule of a draft, without saving anything, so that a form can say, field by field,
     * what to fix (R-PRE-2); warnings (a foreign address) are included with their own codes.
     */
    public Validation validate(PatronKind kind, PatronDraft draft, PatronRules.Actor actor) {
        try {
            return new Validation(List.of(), rules.check(draft, kind, actor).warnings());
        } catch (PatronRuleException e) {
            return new Validation(e.violations(), List.of());
        }
    }

    /** The outcome of {@link #validate}: errors block a save, warnings do not. */
    public record Validation(List<Violation> errors, List<Violation> warnings) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * Deletes a pre-registered record that was never validated (R-PRE-4), with its history: only
     * an inactive B record from the B95 range, so that no other record can be deleted this way.
     * Its identifier is never issued again (R-ID-3).
     */
    @Transactional
    public boolean deletePreRegistered(long id) {
        var patron = patrons.findById(id).orElse(null);
        if (patron == null) {
            return false;
        }
        var range = settings.identifierRanges().preRegistration();
        long number = patron.getKind() == PatronKind.B
                ? Long.parseLong(patron.getPrimaryIdentifier().substring(1))
                : -1;
        if (patron.getStatus() != PatronStatus.INACTIVE || number < range.from() || number > range.to()) {
            throw new IllegalStateException("Only inactive pre-registered records can be deleted here");
        }
        patrons.delete(patron);
        history.deleteByPatronId(id);
        return true;
    }

    private Patron create(PrimaryIdentifier identifier, CheckedPatron checked, PatronStatus status) {
        var patron = new Patron(identifier, checked, status, settings, now(), today());
        if (checked.universityKey() != null) {
            patron.addIdentifier(IdentifierType.UNIVERSITY_KEY, checked.universityKey());
        }
        patrons.saveAndFlush(patron);
        record(patron.getId(), Map.of(), patron.snapshot());
        return patron;
    }

    /**
     * Changes the identity, group and dates of a record managed here. Records loaded from the
     * university are read-only at the desk except their local contact items and notes (R-EXT-1).
     *
     * @param expectedVersion the version the person was looking at
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails update(long id, long expectedVersion, PatronDraft draft) {
        var patron = loadForChange(id, expectedVersion);
        if (patron.getAccountType() == AccountType.EXTERNAL) {
            throw new PatronRuleException(Violation.of("record", "record.external-read-only"));
        }
        var checked =
                rules.check(draft.withContacts(patron.toDraft().contacts()), patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.apply(checked, settings, now());
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /** Adds a local contact item to any patron (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails addLocalContact(long id, long expectedVersion, ContactDraft draft) {
        var patron = loadForChange(id, expectedVersion);
        var checked = rules.checkContact(draft, patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.addContact(ContactSource.LOCAL, checked);
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /** Replaces a local contact item; external ones are read-only (R-EXT-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails updateLocalContact(long id, long expectedVersion, long itemId, ContactDraft draft) {
        var patron = loadForChange(id, expectedVersion);
        var item = localItem(patron, itemId);
        var checked = rules.checkContact(draft, patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.replaceLocalContact(item, checked);
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /**
     * Deletes a local contact item; external ones cannot be deleted (R-EXT-1). The last e-mail of
     * a record cannot be deleted either (R-REC-2).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails removeLocalContact(long id, long expectedVersion, long itemId) {
        var patron = loadForChange(id, expectedVersion);
        var item = localItem(patron, itemId);
        long sameKind = patron.getContacts().stream()
                .filter(c -> c.getKind() == item.getKind())
                .count();
        if (sameKind == 1
                && (item.getKind() == ContactKind.EMAIL || patron.getKind().isExternal())) {
            throw new PatronRuleException(Violation.of("contact", "contact.last-of-kind"));
        }
        var before = patron.snapshot();
        patron.removeContact(item);
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /** Copies an external item into a new local one that staff can then edit (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails duplicateContact(long id, long expectedVersion, long itemId) {
        var patron = loadForChange(id, expectedVersion);
        var item = patron.contact(itemId)
                .orElseThrow(() -> new PatronRuleException(Violation.of("contact", "contact.not-found")));
        var copy = item.toChecked();
        var before = patron.snapshot();
        patron.addContact(
                ContactSource.LOCAL,
                new CheckedContact(
                        copy.kind(),
                        copy.usage(),
                        false,
                        copy.value(),
                        copy.postalCode(),
                        copy.city(),
                        copy.country()));
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /** Adds a local note (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails addNote(long id, long expectedVersion, String text) {
        var tidy = Text.tidy(text);
        if (tidy == null || tidy.isEmpty()) {
            throw new PatronRuleException(Violation.of("note", "required"));
        }
        if (tidy.length() > 2000) {
            throw new PatronRuleException(Violation.of("note", "text.too-long", 2000));
        }
        var patron = loadForChange(id, expectedVersion);
        patron.addNote(ContactSource.LOCAL, tidy, CurrentActor.name(), now());
        patron.touch(now());
        patrons.saveAndFlush(patron);
        record(patron.getId(), Map.of(), Map.of("note", tidy));
        return PatronDetails.of(patron);
    }

    /**
     * Gives a patron a new primary identifier, keeping the old one as a former primary identifier
     * (R-ID-4). An identifier edit is a user administrator's task (R-DESK-1).
     */
    @PreAuthorize("hasRole('" + Roles.USER_ADMINISTRATOR + "')")
    @Transactional
    public PatronDetails changePrimaryIdentifier(long id, long expectedVersion, String newIdentifier) {
        var patron = loadForChange(id, expectedVersion);
        PrimaryIdentifier identifier;
        try {
            identifier = PrimaryIdentifier.parse(newIdentifier, settings);
        } catch (InvalidValueException e) {
            throw new PatronRuleException(e.at("primaryIdentifier"));
        }
        if (patrons.isIdentifierTaken(identifier.value())) {
            throw new PatronRuleException(Violation.of("primaryIdentifier", "identifier.taken", identifier.value()));
        }
        var before = patron.snapshot();
        var old = patron.getPrimaryIdentifier();
        patron.changePrimaryIdentifier(identifier, settings);
        var saved = saveAndRecord(patron, before);
        events.publishEvent(new PatronIdentifierChanged(saved.getId(), old, saved.getPrimaryIdentifier()));
        return PatronDetails.of(saved);
    }

    /**
     * A desk manager deactivates a patron (a banned reader, a death, an identity found false): the
     * status becomes Inactive, the reason goes to the history, and the directory account is
     * disabled after the commit (R-INT-1). The registration step activates the patron again.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public PatronDetails deactivate(long id, long expectedVersion, String reason) {
        var tidy = Text.tidy(reason);
        if (tidy == null || tidy.isBlank()) {
            throw new PatronRuleException(Violation.of("reason", "required"));
        }
        if (tidy.length() > PatronRules.DESCRIPTION_MAX) {
            throw new PatronRuleException(Violation.of("reason", "text.too-long", PatronRules.DESCRIPTION_MAX));
        }
        var patron = loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            // The university's own people follow the nightly load (R-LOAD-…), not a desk decision.
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        if (patron.getStatus() == PatronStatus.INACTIVE) {
            throw new PatronRuleException(Violation.of("status", "status.inactive-already"));
        }
        var before = patron.snapshot();
        patron.changeStatus(PatronStatus.INACTIVE, today());
        var saved = saveAndRecord(patron, before);
        record(saved.getId(), Map.of(), Map.of("deactivation", tidy));
        events.publishEvent(new PatronDeactivated(saved.getId(), saved.getPrimaryIdentifier()));
        return PatronDetails.of(saved);
    }

    /** An identity document seen at the desk (R-DESK-3). */
    public record IdentityCheck(IdentityDocument document, String checkedBy, Instant checkedAt) {}

    /**
     * Records that the operator saw the patron's identity document (R-DESK-3): its type, who and
     * when, in the record's history too. The document's number is never asked for.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public void recordIdentityCheck(long id, IdentityDocument document) {
        load(id);
        jdbc.update(
                "insert into identity_check (patron_id, document_type, checked_by, checked_at) values (?, ?, ?, ?)",
                id,
                document.name(),
                CurrentActor.name(),
                Timestamp.from(now()));
        record(id, Map.of(), Map.of("identityCheck", document.name()));
    }

    /** The identity documents checked for a patron, latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public List<IdentityCheck> identityChecks(long id) {
        return jdbc.query(
                "select document_type, checked_by, checked_at from identity_check where patron_id = ? "
                        + "order by checked_at desc, id desc",
                (row, n) -> new IdentityCheck(
                        IdentityDocument.valueOf(row.getString(1)),
                        row.getString(2),
                        row.getTimestamp(3).toInstant()),
                id);
    }

    /**
     * The record's part of the registration step (R-DESK-4): every required field is checked for
     * the patron's kind, each missing one named (R-REC-2); the expiration date moves to one year
     * from today and the purge date follows (R-REC-3, R-REC-4); the status becomes Active. Refused
     * when someone changed the record since {@code expectedVersion} was read.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails activate(long id, long expectedVersion) {
        var patron = loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        var expiration = ExpirationPolicy.defaultExpiration(patron.getKind(), today());
        rules.check(patron.toDraft().withExpirationDate(expiration), patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.changeExpirationDate(expiration, settings);
        patron.changeStatus(PatronStatus.ACTIVE, today());
        return PatronDetails.of(saveAndRecord(patron, before));
    }

    /**
     * The record's part of the registration step run again while the registration is in force
     * (R-DESK-4): every required field is checked again, each missing one named; the record stays
     * Active and keeps its expiration date (another year is a renewal, with its fee, R-FEE-1). The
     * record gets a new version, so that a second desk running the step at the same time is told.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails confirmActive(long id, long expectedVersion) {
        var patron = loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        if (patron.getStatus() != PatronStatus.ACTIVE) {
            throw new IllegalStateException("Patron " + id + " is not active");
        }
        rules.check(patron.toDraft(), patron.getKind(), PatronRules.Actor.STAFF);
        return PatronDetails.of(saveAndRecord(patron, patron.snapshot()));
    }

    /**
     * Adds a line to a patron's history for a step done outside the record (R-REC-6): a directory
     * account created, a welcome mail sent, a fee paid. Does not change the record's version.
     */
    @Transactional
    public void recordStep(long patronId, String step, String outcome) {
        if (patrons.existsById(patronId)) {
            record(patronId, Map.of(), Map.of(step, outcome));
        }
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
        var patron = load(id);
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
        var patron = loadForChange(id, expectedVersion);
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
        patron.apply(chosen(patron, checked, takeNew), settings, now());
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
        var saved = saveAndRecord(patron, before);
        if (!kept.isEmpty()) {
            record(saved.getId(), Map.of(), Map.of("takeOverKept", String.join(", ", kept)));
        }
        if (conversion) {
            events.publishEvent(new PatronIdentifierChanged(saved.getId(), old, saved.getPrimaryIdentifier()));
        }
        return PatronDetails.of(saved);
    }

    /** Whether taking the record over converts it; a conversion is a desk manager's (R-DESK-1, R-CNV-1). */
    private static boolean requireMayTakeOver(Patron patron) {
        boolean conversion = !patron.getKind().isExternal();
        if (conversion && !CurrentActor.hasRole(Roles.DESK_MANAGER)) {
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
        return new PatronDraft(
                pick(takeNew, TakeOverComparison.Field.FIRST_NAME, given.firstName(), record.firstName()),
                pick(takeNew, TakeOverComparison.Field.LAST_NAME, given.lastName(), record.lastName()),
                pick(takeNew, TakeOverComparison.Field.GENDER, given.gender(), record.gender()),
                pick(takeNew, TakeOverComparison.Field.BIRTH_DATE, given.birthDate(), record.birthDate()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.PREFERRED_LANGUAGE,
                        given.preferredLanguage(),
                        record.preferredLanguage()),
                pick(takeNew, TakeOverComparison.Field.USER_GROUP, given.userGroup(), record.userGroup()),
                pick(takeNew, TakeOverComparison.Field.JOB_CATEGORY, given.jobCategory(), record.jobCategory()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.JOB_DESCRIPTION,
                        given.jobDescription(),
                        record.jobDescription()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.RESOURCE_SHARING_LIBRARY,
                        given.resourceSharingLibrary(),
                        record.resourceSharingLibrary()),
                patron.getExpirationDate(),
                null,
                contacts);
    }

    /**
     * The values the record gets: the checked ones of the chosen fields, the record's own, exactly
     * as stored, of the others (a kept value is never rewritten, not even tidied).
     */
    private static CheckedPatron chosen(Patron patron, CheckedPatron checked, Set<TakeOverComparison.Field> takeNew) {
        return new CheckedPatron(
                pick(takeNew, TakeOverComparison.Field.FIRST_NAME, checked.firstName(), patron.getFirstName()),
                pick(takeNew, TakeOverComparison.Field.LAST_NAME, checked.lastName(), patron.getLastName()),
                pick(takeNew, TakeOverComparison.Field.GENDER, checked.gender(), patron.getGender()),
                pick(takeNew, TakeOverComparison.Field.BIRTH_DATE, checked.birthDate(), patron.getBirthDate()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.PREFERRED_LANGUAGE,
                        checked.preferredLanguage(),
                        patron.getPreferredLanguage()),
                pick(takeNew, TakeOverComparison.Field.USER_GROUP, checked.userGroup(), patron.getUserGroup()),
                pick(takeNew, TakeOverComparison.Field.JOB_CATEGORY, checked.jobCategory(), patron.getJobCategory()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.JOB_DESCRIPTION,
                        checked.jobDescription(),
                        patron.getJobDescription()),
                pick(
                        takeNew,
                        TakeOverComparison.Field.RESOURCE_SHARING_LIBRARY,
                        checked.resourceSharingLibrary(),
                        patron.getResourceSharingLibrary()),
                patron.getExpirationDate(),
                null,
                checked.contacts(),
                checked.warnings());
    }

    private static <T> T pick(
            Set<TakeOverComparison.Field> takeNew, TakeOverComparison.Field field, T given, T record) {
        return takeNew.contains(field) ? given : record;
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

    /** Who a mail goes to: the address letters use (R-EXT-2), the language and the salutation. */
    public record MailRecipient(
            String identifier,
            String email,
            @Nullable Language language,
            @Nullable Gender gender,
            String firstName,
            String lastName) {

        /** The mail's addressee: French when no language is known; Madame, Monsieur or neutral (R-REC-1). */
        public LibraryMailer.Recipient toMail() {
            var salutation = gender == Gender.F
                    ? LibraryMailer.Salutation.MADAME
                    : gender == Gender.M ? LibraryMailer.Salutation.MONSIEUR : LibraryMailer.Salutation.NEUTRAL;
            return new LibraryMailer.Recipient(
                    email, language == null ? Locale.FRENCH : language.locale(), salutation, lastName);
        }
    }

    /**
     * The recipient of a mail to the patron, for the features that send mails from their event
     * listeners (no signed-in user there).
     */
    @Transactional(readOnly = true)
    public Optional<MailRecipient> mailRecipient(long id) {
        return patrons.findById(id)
                .flatMap(p -> p.preferred(ContactKind.EMAIL)
                        .map(email -> new MailRecipient(
                                p.getPrimaryIdentifier(),
                                email.getValue(),
                                p.getPreferredLanguage(),
                                p.getGender(),
                                p.getFirstName(),
                                p.getLastName())));
    }

    /** The number of patron records. */
    @Transactional(readOnly = true)
    public long count() {
        return patrons.count();
    }

    /** How much of each identifier range is used; a warning from 90 % (R-ID-3). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public List<RangeUsage> identifierRangeUsage() {
        return sequences.usage();
    }

    private Patron load(long id) {
        return patrons.findById(id).orElseThrow(() -> new PatronNotFoundException(id));
    }

    private Patron loadForChange(long id, long expectedVersion) {
        var patron = load(id);
        if (patron.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Patron.class, id);
        }
        return patron;
    }

    private ContactItem localItem(Patron patron, long itemId) {
        var item = patron.contact(itemId)
                .orElseThrow(() -> new PatronRuleException(Violation.of("contact", "contact.not-found")));
        if (item.isExternal()) {
            throw new PatronRuleException(Violation.of("contact", "contact.external-read-only"));
        }
        return item;
    }

    private Patron saveAndRecord(Patron patron, Map<String, String> before) {
        patron.touch(now());
        patrons.saveAndFlush(patron);
        record(patron.getId(), before, patron.snapshot());
        return patron;
    }

    /**
     * Writes one history line per field that differs (R-REC-6), in one batch: a new record has
     * some twenty fields, and row-by-row inserts were a registration's largest cost.
     */
    private void record(long patronId, Map<String, String> before, Map<String, String> after) {
        var actor = CurrentActor.name();
        var at = Timestamp.from(now());
        var fields = new HashSet<String>(before.keySet());
        fields.addAll(after.keySet());
        var rows = new ArrayList<Object[]>();
        fields.stream().sorted().forEach(field -> {
            var old = before.get(field);
            var now = after.get(field);
            if (!Objects.equals(old, now)) {
                rows.add(new Object[] {patronId, at, actor, field, cut(old), cut(now)});
            }
        });
        jdbc.batchUpdate(
                "insert into patron_history (patron_id, changed_at, changed_by, field_name, old_value, "
                        + "new_value) values (?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static @Nullable String cut(@Nullable String value) {
        return value == null || value.length() <= HISTORY_VALUE_MAX ? value : value.substring(0, HISTORY_VALUE_MAX);
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
