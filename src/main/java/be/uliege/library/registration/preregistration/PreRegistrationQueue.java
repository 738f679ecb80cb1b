package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmed pre-registrations the desk works (R-DESK-2), as this module stores them: oldest
 * first, with their flags and who has them open. The desk's queue ({@code desk.DeskQueue}) adds the
 * names and e-mails from the patron module; the pre-registration's own table is read and locked
 * only here (docs/decisions/0010-tables-belong-to-modules.md).
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class PreRegistrationQueue {

    private final JdbcTemplate jdbc;
    private final PreRegistrationRepository registrations;

    PreRegistrationQueue(JdbcTemplate jdbc, PreRegistrationRepository registrations) {
        this.jdbc = jdbc;
        this.registrations = registrations;
    }

    /** A confirmed pre-registration, as stored here. */
    public record Row(
            long id,
            long patronId,
            String identifier,
            Instant confirmedAt,
            boolean possibleDuplicate,
            boolean foreignAddress,
            List<SuspiciousData.Reason> suspicions,
            @Nullable String openedBy,
            @Nullable Instant openedAt) {}

    /**
     * What to show: the flags asked for, and, when the operator typed something, the entries whose
     * identifier starts with it or whose patron is one of {@code patrons}.
     */
    public record Selection(
            boolean possibleDuplicatesOnly,
            boolean foreignAddressesOnly,
            boolean suspiciousOnly,
            @Nullable String identifierPrefix,
            Collection<Long> patrons) {}

    /** Someone has the entry open. */
    public record Holder(String who, Instant since) {}

    /** The patrons of every confirmed pre-registration: those the desk may search by name. */
    @Transactional(readOnly = true)
    public List<Long> confirmedPatrons() {
        return jdbc.queryForList("select patron_id from pre_registration where status = 'CONFIRMED'", Long.class);
    }

    @Transactional(readOnly = true)
    public List<Row> page(Selection selection, int offset, int limit) {
        var arguments = new ArrayList<Object>();
        var where = where(selection, arguments);
        arguments.add(Math.max(0, Math.min(limit, 500)));
        arguments.add(Math.max(0, offset));
        return jdbc.query(
                """
                select id, patron_id, patron_identifier, confirmed_at, possible_duplicate, foreign_address,
                  opened_by, opened_at, suspicious_data
                from pre_registration r
                """ + where + " order by r.confirmed_at, r.id limit ? offset ?",
                (row, n) -> {
                    var openedAt = row.getTimestamp(8);
                    return new Row(
                            row.getLong(1),
                            row.getLong(2),
                            row.getString(3),
                            row.getTimestamp(4).toInstant(),
                            row.getBoolean(5),
                            row.getBoolean(6),
                            PreRegistration.reasons(row.getString(9)),
                            row.getString(7),
                            openedAt == null ? null : openedAt.toInstant());
                },
                arguments.toArray());
    }

    @Transactional(readOnly = true)
    public int count(Selection selection) {
        var arguments = new ArrayList<Object>();
        var where = where(selection, arguments);
        Integer count = jdbc.queryForObject(
                "select count(*) from pre_registration r " + where, Integer.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Selection selection, List<Object> arguments) {
        var where = new StringBuilder("where r.status = 'CONFIRMED'");
        if (selection.possibleDuplicatesOnly()) {
            where.append(" and r.possible_duplicate");
        }
        if (selection.foreignAddressesOnly()) {
            where.append(" and r.foreign_address");
        }
        if (selection.suspiciousOnly()) {
            where.append(" and r.suspicious_data is not null");
        }
        if (selection.identifierPrefix() != null) {
            // The column's collation ignores case; the prefix comes escaped for LIKE.
            where.append(" and (r.patron_identifier like ?");
            arguments.add(selection.identifierPrefix() + "%");
            if (!selection.patrons().isEmpty()) {
                where.append(" or r.patron_id in (")
                        .append(String.join(
                                ",", Collections.nCopies(selection.patrons().size(), "?")))
                        .append(")");
                arguments.addAll(selection.patrons());
            }
            where.append(")");
        }
        return where.toString();
    }

    /**
     * Opens an entry for {@code who}, unless someone else has had it open for less than {@code
     * hold} and {@code takeOver} is false: then nothing changes and that holder is returned. The
     * entry is locked first, so that two operators opening at the same moment cannot both win.
     *
     * @throws IllegalArgumentException when there is no such confirmed entry
     */
    @Transactional
    public @Nullable Holder open(long id, String who, boolean takeOver, Instant now, Duration hold) {
        var entry = registrations
                .lockById(id)
                .filter(r -> r.getStatus() == PreRegistrationStatus.CONFIRMED)
                .orElseThrow(() -> new IllegalArgumentException("No confirmed pre-registration " + id));
        if (entry.open(who, takeOver, now, hold)) {
            return null;
        }
        return new Holder(Objects.requireNonNull(entry.getOpenedBy()), Objects.requireNonNull(entry.getOpenedAt()));
    }

    /** {@code who} closes the entry (left for later, or done). */
    @Transactional
    public void release(long id, String who) {
        registrations.lockById(id).ifPresent(entry -> entry.release(who));
    }
}
