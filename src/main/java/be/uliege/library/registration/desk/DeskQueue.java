package be.uliege.library.registration.desk;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.preregistration.PreRegistrationQueue;
import be.uliege.library.registration.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's queue (R-DESK-2): confirmed pre-registrations, oldest first, with how long they have
 * waited, their flags and who has them open; searched and filtered, read a page at a time, so that
 * thousands of entries scroll smoothly. Opening an entry a colleague has open says who and since
 * when; nobody works an entry unknowingly. The entries are the pre-registration module's, the names
 * and e-mails the patron module's: each is asked through its API.
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class DeskQueue {

    /** An entry left open longer than this is free again (a closed browser, a forgotten tab). */
    static final Duration HOLD = Duration.ofMinutes(30);

    private final PreRegistrationQueue entries;
    private final PatronLookup patrons;
    private final CurrentStaff staff;
    private final Clock clock;

    DeskQueue(PreRegistrationQueue entries, PatronLookup patrons, CurrentStaff staff, Clock clock) {
        this.staff = staff;
        this.entries = entries;
        this.patrons = patrons;
        this.clock = clock;
    }

    /** A line of the queue. */
    public record Entry(
            long id,
            long patronId,
            String identifier,
            String firstName,
            String lastName,
            @Nullable String email,
            Instant confirmedAt,
            boolean possibleDuplicate,
            boolean foreignAddress,
            List<SuspiciousData.Reason> suspicions,
            @Nullable String openedBy,
            @Nullable Instant openedAt) {}

    /** What the operator typed (identifier, name or e-mail, accents aside) and the flags they want to see. */
    public record Filter(
            String text, boolean possibleDuplicatesOnly, boolean foreignAddressesOnly, boolean suspiciousOnly) {
        public static final Filter ALL = new Filter("", false, false, false);
    }

    /** Someone else has the entry open. */
    public record HeldBy(String who, Instant since) {}

    @Transactional(readOnly = true)
    public List<Entry> page(Filter filter, int offset, int limit) {
        var rows = entries.page(selection(filter), offset, limit);
        var names = patrons.names(
                rows.stream().map(row -> PatronId.of(row.patronId())).toList());
        var holdStart = clock.instant().minus(HOLD);
        return rows.stream()
                .map(row -> {
                    var name = names.get(PatronId.of(row.patronId()));
                    boolean held = row.openedAt() != null && row.openedAt().isAfter(holdStart);
                    return new Entry(
                            row.id(),
                            row.patronId(),
                            row.identifier(),
                            name == null ? "" : name.firstName(),
                            name == null ? "" : name.lastName(),
                            name == null ? null : name.email(),
                            row.confirmedAt(),
                            row.possibleDuplicate(),
                            row.foreignAddress(),
                            row.suspicions(),
                            held ? row.openedBy() : null,
                            held ? row.openedAt() : null);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        return entries.count(selection(filter));
    }

    /** The flags, and what was typed: an identifier's beginning, or a name's or an e-mail's. */
    private PreRegistrationQueue.Selection selection(Filter filter) {
        var text = Text.tidy(filter.text());
        String prefix = null;
        List<Long> matching = List.of();
        if (text != null && !text.isBlank()) {
            // The columns' collation ignores accents and case; LIKE's own characters are escaped.
            var like = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            prefix = like.length() > 100 ? like.substring(0, 100) : like;
            matching =
                    patrons
                            .startingWith(
                                    prefix,
                                    entries.confirmedPatrons().stream()
                                            .map(PatronId::of)
                                            .toList())
                            .stream()
                            .map(PatronId::value)
                            .toList();
        }
        return new PreRegistrationQueue.Selection(
                filter.possibleDuplicatesOnly(),
                filter.foreignAddressesOnly(),
                filter.suspiciousOnly(),
                prefix,
                matching);
    }

    /**
     * Opens an entry for the signed-in operator. When a colleague has it open (within
     * {@link #HOLD}), nothing changes and who and since when are returned, unless the operator takes
     * it over knowingly.
     */
    public @Nullable HeldBy open(long id, boolean takeOver) {
        var holder = entries.open(id, staff.uid(), takeOver, clock.instant(), HOLD);
        return holder == null ? null : new HeldBy(holder.who(), holder.since());
    }

    /** The operator closes the entry (left for later, or done). */
    public void release(long id) {
        entries.release(id, staff.uid());
    }
}
