package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.SystemPrincipal;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.LoadInstructions.MatchPoint;
import be.uliege.library.registration.patron.LoadInstructions.Mode;
import be.uliege.library.registration.patron.LoadOutcome.Result;
import be.uliege.library.registration.patron.contact.InvalidValueException;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.LoadedRecords;
import be.uliege.library.registration.patron.internal.LoadedRecords.Applied;
import be.uliege.library.registration.patron.internal.LoadedRecords.LoadState;
import be.uliege.library.registration.patron.internal.LoadedRecords.Via;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the rows of the university's nightly file to the patron records (R-SIS-1…5, R-EXT-1,
 * R-EXT-2, R-CNV-3): one chunk of rows at a time, in the caller's transaction (a Spring Batch
 * chunk), so that a run restarted after a crash applies each row once.
 *
 * <ul>
 *   <li>A row is matched on the configured match point (the university key by default) and on its
 *       primary identifier, current or former (R-CNV-3). A row leading to two records is rejected:
 *       the desk merges them first.
 *   <li>An unchanged row (same hash of its values as last applied) only moves the record's
 *       "synchronized on" day: no version, no history (R-SIS-5).
 *   <li>A changed row replaces the external fields and the external contact items; local items,
 *       their preferred marks and the notes stay (R-EXT-2).
 *   <li>The same person twice in one file (a student who also works here) makes one record: the
 *       kind first in the priority list wins (docs/decisions/0013-nightly-load.md).
 * </ul>
 *
 * <p>Longer than most classes: the match and the four ways a row can go, kept side by side because
 * each depends on what the others did earlier in the chunk.
 *
 * @see "docs/decisions/0013-nightly-load.md"
 */
@Service
public class UniversityPeople {

    private final PatronStore store;
    private final PatronSettings settings;
    private final LoadedRecords records;
    private final be.uliege.library.registration.patron.internal.PatronRepository patrons;
    private final LoadedCreates creates;
    private final ApplicationEventPublisher events;
    private final PersonPreparation preparation;

    UniversityPeople(
            PatronStore store,
            PatronSettings settings,
            LoadedRecords records,
            be.uliege.library.registration.patron.internal.PatronRepository patrons,
            LoadedCreates creates,
            ApplicationEventPublisher events,
            PersonPreparation preparation) {
        this.preparation = preparation;
        this.creates = creates;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.records = records;
        this.patrons = patrons;
    }

    /**
     * Applies one chunk of rows, in order; returns one outcome per row. In a dry run nothing is
     * written, and the outcomes say what would have happened.
     */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    @Transactional
    public List<LoadOutcome> apply(List<LoadedPerson> rows, LoadInstructions how) {
        return applyPrepared(rows.stream().map(preparation::prepare).toList(), how);
    }

    /**
     * As {@link #apply}, the rows made ready beforehand by {@link PersonPreparation} (the nightly
     * load prepares them on its reading thread while the chunk before is written).
     */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    @Transactional
    public List<LoadOutcome> applyPrepared(List<PreparedPerson> rows, LoadInstructions how) {
        var outcomes = new ArrayList<@Nullable LoadOutcome>(rows.size());
        var ready = new ArrayList<@Nullable PreparedPerson>(rows.size());
        for (var row : rows) {
            var refused = row.identifierRefused();
            if (refused != null) {
                ready.add(null);
                outcomes.add(LoadOutcome.rejected(refused));
            } else {
                ready.add(row);
                outcomes.add(null);
            }
        }
        var chunk = new Chunk(how);
        chunk.lookUp(ready);
        var seen = new LinkedHashMap<Long, @Nullable String>();
        var applied = new LinkedHashMap<Long, Applied>();
        for (int i = 0; i < rows.size(); i++) {
            var row = ready.get(i);
            if (row != null) {
                outcomes.set(i, chunk.decide(row, false, seen, applied));
            }
        }
        chunk.flush();
        if (!how.dryRun()) {
            records.markSeen(seen, how.run(), how.day());
            records.markApplied(applied, how.run(), how.day());
        }
        return outcomes.stream().map(Objects::requireNonNull).toList();
    }

    /** A row as the load first sees it (R-SIS-5): its primary identifier and its fingerprint. */
    public record Fingerprint(String primaryIdentifier, String rowKey) {}

    /**
     * R-SIS-5, R-SIS-3: the rows that are, to the character, the row last applied to their record,
     * read by the same rules of the day (the same fingerprint, {@link LoadedPerson#rowKey()}): only
     * their record's "synchronized on" day and run move, in the caller's transaction, without the
     * rows being read into records — what keeps an unchanged night nearly free. A row whose record
     * this run already synchronized (the same person twice) or that is no longer one of the
     * university's people (R-CNV-1) is not recognised: it goes the whole way through {@link #apply}.
     * Nothing is written in a dry run, nor in an import (which only creates). Returns, row by row,
     * whether it was recognised.
     */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    @Transactional
    public List<Boolean> recognise(List<Fingerprint> rows, LoadInstructions how) {
        var identifiers = new ArrayList<@Nullable String>(rows.size());
        for (var row : rows) {
            try {
                identifiers.add(PrimaryIdentifier.parse(row.primaryIdentifier(), settings)
                        .value());
            } catch (InvalidValueException | PatronRuleException e) {
                identifiers.add(null);
            }
        }
        var result = new ArrayList<Boolean>(rows.size());
        if (how.mode() == Mode.IMPORT) {
            rows.forEach(row -> result.add(false));
            return result;
        }
        var found = records.fingerprints(
                identifiers.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        var touched = new LinkedHashSet<Long>();
        for (int i = 0; i < rows.size(); i++) {
            var identifier = identifiers.get(i);
            var record = identifier == null ? null : found.get(identifier);
            result.add(record != null
                    && record.kind().isUniversity()
                    && rows.get(i).rowKey().equals(record.rowKey())
                    && !Objects.equals(record.synchronizedRun(), how.run())
                    && touched.add(record.id()));
        }
        if (!how.dryRun()) {
            records.markSeen(touched, how.run(), how.day());
        }
        return result;
    }

    /**
     * A row put aside by {@link #apply} ({@link Result#DEFERRED}), decided once the whole file was
     * read: ignored if its person was synchronized by another row of the run, applied otherwise.
     */
    @PreAuthorize("hasRole('" + SystemPrincipal.ROLE + "')")
    @Transactional
    public LoadOutcome applyDeferred(LoadedPerson row, LoadInstructions how) {
        var ready = preparation.prepare(row);
        var refused = ready.identifierRefused();
        if (refused != null) {
            return LoadOutcome.rejected(refused);
        }
        var chunk = new Chunk(how);
        var list = new ArrayList<@Nullable PreparedPerson>();
        list.add(ready);
        chunk.lookUp(list);
        var seen = new LinkedHashMap<Long, @Nullable String>();
        var applied = new LinkedHashMap<Long, Applied>();
        var outcome = chunk.decide(ready, true, seen, applied);
        chunk.flush();
        if (!how.dryRun()) {
            records.markSeen(seen, how.run(), how.day());
            records.markApplied(applied, how.run(), how.day());
        }
        return outcome;
    }

    /** The rows of one chunk and the records they lead to, kept up to date as rows are applied. */
    private final class Chunk {

        private final LoadInstructions how;
        private final Map<String, Set<Long>> byKey = new HashMap<>();
        private final Map<String, Set<Long>> byIdentifier = new HashMap<>();
        private final Map<Long, LoadState> states = new HashMap<>();
        /** Records created by this chunk, written together by {@link #flush}, under ids of their own until then. */
        private final Map<Long, LoadedCreates.NewRecord> pending = new LinkedHashMap<>();

        private long nextNewId = -1;

        Chunk(LoadInstructions how) {
            this.how = how;
        }

        void lookUp(List<@Nullable PreparedPerson> rows) {
            var keys = new HashSet<String>();
            var identifiers = new HashSet<String>();
            for (var row : rows) {
                if (row != null) {
                    keys.add(row.row().universityKey());
                    identifiers.add(row.identifier().value());
                }
            }
            var found = records.match(keys, identifiers);
            for (var match : found.matches()) {
                (match.via() == Via.UNIVERSITY_KEY ? byKey : byIdentifier)
                        .computeIfAbsent(match.value(), v -> new HashSet<>())
                        .add(match.patronId());
            }
            states.putAll(found.states());
        }

        LoadOutcome decide(
                PreparedPerson row, boolean deferred, Map<Long, @Nullable String> seen, Map<Long, Applied> applied) {
            var found =
                    new HashSet<Long>(byIdentifier.getOrDefault(row.identifier().value(), Set.of()));
            if (how.matchPoint() == MatchPoint.UNIVERSITY_KEY) {
                found.addAll(byKey.getOrDefault(row.row().universityKey(), Set.of()));
            }
            if (found.size() > 1) {
                var names = found.stream()
                        .map(id -> states.get(id).primaryIdentifier())
                        .sorted()
                        .toList();
                return LoadOutcome.rejected(
                        List.of(Violation.of("primaryIdentifier", "load.two-records", String.join(", ", names))));
            }
            var state = found.isEmpty() ? null : states.get(found.iterator().next());
            boolean seenThisRun =
                    state != null && state.synchronizedRun() != null && state.synchronizedRun() == how.run();
            boolean unchanged = state != null
                    && !seenThisRun
                    && row.hash().equals(state.loadHash())
                    && row.identifier().value().equals(state.primaryIdentifier());
            if (!unchanged) {
                try {
                    row.checked();
                } catch (PatronRuleException e) {
                    return LoadOutcome.rejected(e.violations());
                }
            }
            if (state == null) {
                return create(row);
            }
            var kind = row.identifier().kind();
            if (seenThisRun) {
                if (!how.wins(kind, state.kind())) {
                    return new LoadOutcome(
                            Result.DUPLICATE,
                            state.primaryIdentifier(),
                            List.of(),
                            row.identifier().value());
                }
                var loser = state.primaryIdentifier();
                update(row, state, applied);
                return new LoadOutcome(Result.DUPLICATE, row.identifier().value(), List.of(), loser);
            }
            if (how.mode() == Mode.IMPORT) {
                return LoadOutcome.rejected(
                        List.of(Violation.of("primaryIdentifier", "load.import-exists", state.primaryIdentifier())));
            }
            if (!deferred && state.kind().isUniversity() && how.wins(state.kind(), kind)) {
                return new LoadOutcome(Result.DEFERRED, state.primaryIdentifier(), List.of(), null);
            }
            if (unchanged) {
                seen.put(state.id(), row.row().rowKey());
                remember(state.id(), row);
                return LoadOutcome.of(Result.UNCHANGED, state.primaryIdentifier());
            }
            update(row, state, applied);
            return LoadOutcome.of(Result.UPDATED, row.identifier().value());
        }

        private LoadOutcome create(PreparedPerson row) {
            long id = nextNewId--;
            if (!how.dryRun()) {
                pending.put(
                        id,
                        new LoadedCreates.NewRecord(
                                store.newRecord(row.identifier(), row.checked(), PatronStatus.ACTIVE),
                                row.hash(),
                                row.row().rowKey()));
            }
            byKey.computeIfAbsent(row.row().universityKey(), v -> new HashSet<>())
                    .add(id);
            byIdentifier
                    .computeIfAbsent(row.identifier().value(), v -> new HashSet<>())
                    .add(id);
            remember(id, row);
            return LoadOutcome.of(Result.CREATED, row.identifier().value());
        }

        /** Writes the records this chunk created, with their hash, day and run. */
        void flush() {
            if (!pending.isEmpty()) {
                creates.insert(List.copyOf(pending.values()), how.run(), how.day(), SystemPrincipal.NAME);
                pending.clear();
            }
        }

        private void update(PreparedPerson row, LoadState state, Map<Long, Applied> applied) {
            var created = pending.get(state.id());
            if (created != null) {
                // The same person twice in one chunk, the first row's record not written yet: the
                // winning row's record is written instead, as the update would have left it.
                var loser = created.patron();
                var patron = store.newRecord(row.identifier(), row.checked(), PatronStatus.ACTIVE);
                keep(patron, IdentifierType.FORMER_PRIMARY, loser.getPrimaryIdentifier());
                // Whatever the replaced record kept (a third row of the same person: the first one's
                // identifier too), as the update of a written record keeps it.
                for (var kept : loser.getIdentifiers()) {
                    keep(patron, kept.getType(), kept.getValue());
                }
                pending.put(
                        state.id(),
                        new LoadedCreates.NewRecord(
                                patron, row.hash(), row.row().rowKey()));
                byIdentifier
                        .computeIfAbsent(row.identifier().value(), v -> new HashSet<>())
                        .add(state.id());
                remember(state.id(), row);
                return;
            }
            if (!how.dryRun()) {
                var patron = store.load(state.id());
                var before = patron.snapshot();
                var formerIdentifier = patron.getPrimaryIdentifier();
                patron.rejoinUniversity(row.identifier());
                patron.apply(row.checked(), settings, store.now());
                patron.replaceExternalContacts(row.checked().contacts());
                patron.changeStatus(PatronStatus.ACTIVE, how.day());
                var key = row.row().universityKey();
                if (patron.getIdentifiers().stream().noneMatch(i -> i.getValue().equals(key))
                        && !patrons.isIdentifierTaken(key)) {
                    patron.addIdentifier(IdentifierType.UNIVERSITY_KEY, key);
                }
                store.flushAndRecord(patron, before);
                store.forget(patron);
                applied.put(state.id(), new Applied(row.hash(), row.row().rowKey()));
                if (!formerIdentifier.equals(patron.getPrimaryIdentifier()) && state.kind() == PatronKind.B) {
                    // R-CNV-3: a B patron of ours is one of the university's people again and logs
                    // in with the university's account: the directory account we gave them goes
                    // (after the commit, by the directory's own listener). A student who becomes
                    // staff never had one from us (nor a BX): nothing to disable, nothing to say.
                    events.publishEvent(
                            new PatronIdentifierChanged(state.id(), formerIdentifier, patron.getPrimaryIdentifier()));
                }
            }
            byIdentifier
                    .computeIfAbsent(row.identifier().value(), v -> new HashSet<>())
                    .add(state.id());
            remember(state.id(), row);
        }

        private static void keep(Patron patron, IdentifierType type, String value) {
            if (!value.equals(patron.getPrimaryIdentifier())
                    && patron.getIdentifiers().stream()
                            .noneMatch(i -> i.getValue().equals(value))) {
                patron.addIdentifier(type, value);
            }
        }

        /**
         * What the chunk knows of a record after a row went to it: its state, and its university key
         * as the row gave it — a changed key must lead the chunk's later rows (the same person's
         * second row) to this record, not to a new one with the same key.
         */
        private void remember(long id, PreparedPerson row) {
            byKey.computeIfAbsent(row.row().universityKey(), v -> new HashSet<>())
                    .add(id);
            states.put(
                    id,
                    new LoadState(
                            id,
                            row.identifier().value(),
                            row.identifier().kind(),
                            row.row().universityKey(),
                            row.hash(),
                            how.run(),
                            how.day()));
        }
    }

    /** Each value with its length before it: no two different rows read as the same text. */
    private static void framed(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }

    /** A digest of the row's values (R-SIS-5): equal digests, nothing to change. */
    static String hash(LoadedPerson row) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var text = new StringBuilder();
            for (var value : row.values()) {
                if (value instanceof List<?> contacts) {
                    contacts.forEach(c -> framed(text, c.toString()));
                } else {
                    framed(text, value.toString());
                }
            }
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
