package be.uliege.library.registration.patron;

import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import be.uliege.library.registration.patron.internal.PatronRepository;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * How the patron module's services read and write a record: found or {@link
 * PatronNotFoundException}; changed only at the version the person was looking at; every
 * difference written to the history (R-REC-6). Shared by the services of this package, never
 * called from outside it (the callers authorise; this does not).
 */
@Component
class PatronStore {

    private final PatronRepository patrons;
    private final PatronHistory history;
    private final PatronSettings settings;
    private final Clock clock;
    private final EntityManager entityManager;

    PatronStore(
            PatronRepository patrons,
            PatronHistory history,
            PatronSettings settings,
            Clock clock,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.patrons = patrons;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    Patron load(long id) {
        return patrons.findById(id).orElseThrow(() -> new PatronNotFoundException(id));
    }

    /** The record, if it is still at the version the person was looking at. */
    Patron loadForChange(long id, long expectedVersion) {
        var patron = load(id);
        if (patron.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Patron.class, id);
        }
        return patron;
    }

    /** A new record, its university key kept as an additional identifier, all its fields in the history. */
    Patron create(PrimaryIdentifier identifier, CheckedPatron checked, PatronStatus status) {
        var patron = newRecord(identifier, checked, status);
        patrons.saveAndFlush(patron);
        history.record(patron.getId(), Map.of(), patron.snapshot());
        return patron;
    }

    /** A new record, not saved yet, its university key kept as an additional identifier. */
    Patron newRecord(PrimaryIdentifier identifier, CheckedPatron checked, PatronStatus status) {
        var patron = new Patron(identifier, checked, status, settings, now(), today());
        if (checked.universityKey() != null) {
            patron.addIdentifier(IdentifierType.UNIVERSITY_KEY, checked.universityKey());
        }
        return patron;
    }

    /** Saves a changed record and writes to the history each field that differs from {@code before}. */
    Patron saveAndRecord(Patron patron, Map<String, String> before) {
        patron.touch(now());
        patrons.saveAndFlush(patron);
        history.record(patron.getId(), before, patron.snapshot());
        return patron;
    }

    /**
     * As {@link #saveAndRecord}, for a record read in this transaction: written by a flush, without
     * the merge's walk through every collection (the nightly load's changed rows).
     */
    Patron flushAndRecord(Patron patron, Map<String, String> before) {
        patron.touch(now());
        patrons.flush();
        history.record(patron.getId(), before, patron.snapshot());
        return patron;
    }

    /**
     * Takes a record written by {@link #flushAndRecord} out of the persistence context, with its
     * items: the nightly load changes hundreds of records in one transaction, and every flush
     * otherwise checks again every record changed before it in the chunk.
     */
    void forget(Patron patron) {
        entityManager.detach(patron);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
