package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.identifier.IdentifierRange;
import be.uliege.library.registration.patron.identifier.IdentifierSequences;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.identifier.RangeUsage;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's API on the patron record (R-DESK-1…5): search, details, registration of a walk-in,
 * the record's changes and the record's part of the registration step. Every method is a staff
 * member's, authorised by role; every change is checked by {@link PatronRules}, recorded field by
 * field in the history (R-REC-6), and refused when someone else changed the record since it was
 * read (optimistic locking). Contact items and notes: {@link PatronContacts}; a take-over or a
 * conversion: {@link PatronTakeOver}; creation for other features and jobs: {@link Patrons}.
 */
@Service
public class PatronService {

    private final PatronRepository patrons;
    private final PatronStore store;
    private final PatronHistory history;
    private final PatronRules rules;
    private final IdentifierSequences sequences;
    private final PatronSearch search;
    private final PatronSettings settings;
    private final ApplicationEventPublisher events;

    PatronService(
            PatronRepository patrons,
            PatronStore store,
            PatronHistory history,
            PatronRules rules,
            IdentifierSequences sequences,
            PatronSearch search,
            PatronSettings settings,
            ApplicationEventPublisher events) {
        this.patrons = patrons;
        this.store = store;
        this.history = history;
        this.rules = rules;
        this.sequences = sequences;
        this.search = search;
        this.settings = settings;
        this.events = events;
    }

    static final int SEARCH_LIMIT = 50;

    /** The outcome of a search: what the query was understood as, and the patrons found. */
    public record SearchResult(String understoodAs, List<PatronSummary> patrons) {}

    /** How many days ahead a registration counts as expiring, for the search's expiry filter. */
    public static final int EXPIRING_WITHIN_DAYS = 30;

    /**
     * Where a registration's expiration date stands against today (in the library's time zone),
     * for the search's filter (issue 15): still valid (today or later), expiring within {@value
     * #EXPIRING_WITHIN_DAYS} days (today included), or expired (before today).
     */
    public enum Expiry {
        VALID,
        EXPIRING,
        EXPIRED
    }

    /** What narrows a search: a kind of patron, a status, where the expiration stands; null for any. */
    public record SearchFilter(
            @Nullable PatronKind kind,
            @Nullable PatronStatus status,
            @Nullable Expiry expiry) {

        /** Every kind, every status, any expiration. */
        public static final SearchFilter NONE = new SearchFilter(null, null, null);

        /** A kind and a status, any expiration. */
        public SearchFilter(@Nullable PatronKind kind, @Nullable PatronStatus status) {
            this(kind, status, null);
        }

        /** Whether it narrows anything. */
        public boolean narrows() {
            return kind != null || status != null || expiry != null;
        }
    }

    /** Finds patrons by identifier, name, e-mail, phone or birth date (R-ID-6). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public SearchResult search(String query) {
        return search(query, SearchFilter.NONE);
    }

    /**
     * Finds patrons by identifier or the beginning of one (three characters at least, "S19",
     * "B95"), name, e-mail, phone or birth date (R-ID-6), of the kind, status and expiry asked for.
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
        return PatronDetails.of(store.load(id));
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
        return PatronDetails.of(store.create(identifier, checked, PatronStatus.INACTIVE));
    }

    /**
     * Edits the identity of a record managed here (R-REC-6, R-EXT-1): names, gender, birth date,
     * language, job category and description, resource sharing library — by the same rules as a
     * registration. The dates belong to the registration and its renewal (R-DESK-7) and the user
     * group to the change of use with its fee (R-FEE-1, {@link #changeUserGroup}): the draft's are
     * ignored and a different group is refused. Records loaded from the university are read-only
     * at the desk except their local contact items and notes.
     *
     * @param expectedVersion the version the person was looking at
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails update(long id, long expectedVersion, PatronDraft draft) {
        var patron = store.loadForChange(id, expectedVersion);
        if (patron.getAccountType() == AccountType.EXTERNAL) {
            throw new PatronRuleException(Violation.of("record", "record.external-read-only"));
        }
        if (draft.userGroup() != null && !draft.userGroup().equals(patron.getUserGroup())) {
            throw new PatronRuleException(Violation.of("userGroup", "record.group-change-own-action"));
        }
        return edited(patron, draft, patron.getUserGroup());
    }

    /**
     * As {@link #update}, and the user group may change: the change of use of a B patron (private ↔
     * professional, R-FEE-1). Its caller settles the fee in the same transaction first
     * ({@code desk.ChangesOfUse}); the dates stay.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails changeUse(long id, long expectedVersion, PatronDraft draft) {
        var patron = store.loadForChange(id, expectedVersion);
        if (patron.getAccountType() == AccountType.EXTERNAL || patron.getKind() != PatronKind.B) {
            throw new PatronRuleException(Violation.of("userGroup", "change-of-use.b-only"));
        }
        return edited(patron, draft, draft.userGroup() == null ? patron.getUserGroup() : draft.userGroup());
    }

    private PatronDetails edited(Patron patron, PatronDraft draft, String userGroup) {
        var current = patron.toDraft();
        var kept = new PatronDraft(
                draft.firstName(),
                draft.lastName(),
                draft.gender(),
                draft.birthDate(),
                draft.preferredLanguage(),
                userGroup,
                draft.jobCategory(),
                draft.jobDescription(),
                draft.resourceSharingLibrary(),
                patron.getExpirationDate(),
                current.universityKey(),
                current.contacts());
        var checked = rules.check(kept, patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.apply(checked, settings, store.now());
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /**
     * Gives a patron a new primary identifier, keeping the old one as a former primary identifier
     * (R-ID-4). An identifier edit is a user administrator's task (R-DESK-1).
     */
    @PreAuthorize("hasRole('" + Roles.USER_ADMINISTRATOR + "')")
    @Transactional
    public PatronDetails changePrimaryIdentifier(long id, long expectedVersion, String newIdentifier) {
        var patron = store.loadForChange(id, expectedVersion);
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
        var saved = store.saveAndRecord(patron, before);
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
        var patron = store.loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            // The university's own people follow the nightly load (R-LOAD-…), not a desk decision.
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        if (patron.getStatus() == PatronStatus.INACTIVE) {
            throw new PatronRuleException(Violation.of("status", "status.inactive-already"));
        }
        var before = patron.snapshot();
        patron.changeStatus(PatronStatus.INACTIVE, store.today());
        var saved = store.saveAndRecord(patron, before);
        history.record(saved.getId(), Map.of(), Map.of("deactivation", tidy));
        events.publishEvent(new PatronDeactivated(saved.getId(), saved.getPrimaryIdentifier()));
        return PatronDetails.of(saved);
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
        var patron = store.loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        var expiration = ExpirationPolicy.defaultExpiration(patron.getKind(), store.today());
        rules.check(patron.toDraft().withExpirationDate(expiration), patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.changeExpirationDate(expiration, settings);
        patron.changeStatus(PatronStatus.ACTIVE, store.today());
        return PatronDetails.of(store.saveAndRecord(patron, before));
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
        var patron = store.loadForChange(id, expectedVersion);
        if (!patron.getKind().isExternal()) {
            throw new PatronRuleException(Violation.of("kind", "kind.not-external"));
        }
        if (patron.getStatus() != PatronStatus.ACTIVE) {
            throw new IllegalStateException("Patron " + id + " is not active");
        }
        rules.check(patron.toDraft(), patron.getKind(), PatronRules.Actor.STAFF);
        return PatronDetails.of(store.saveAndRecord(patron, patron.snapshot()));
    }

    /** How much of each identifier range is used; a warning from 90 % (R-ID-3). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public List<RangeUsage> identifierRangeUsage() {
        return sequences.usage();
    }
}
