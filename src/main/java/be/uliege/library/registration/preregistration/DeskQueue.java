package be.uliege.library.registration.preregistration;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.duplicate.SuspiciousData;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The desk's queue (R-DESK-2): confirmed pre-registrations, oldest first, with how long they have
 * waited, their flags and who has them open; searched and filtered, read a page at a time, so that
 * thousands of entries scroll smoothly. Opening an entry a colleague has open says who and since
 * when; nobody works an entry unknowingly.
 */
@Service
@PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
public class DeskQueue {

    /** An entry left open longer than this is free again (a closed browser, a forgotten tab). */
    static final Duration HOLD = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeskQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
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

    public List<Entry> page(Filter filter, int offset, int limit) {
        var arguments = new ArrayList<Object>();
        var where = where(filter, arguments);
        arguments.add(Math.max(0, Math.min(limit, 500)));
        arguments.add(Math.max(0, offset));
        var holdStart = clock.instant().minus(HOLD);
        return jdbc.query(
                """
                select r.id, r.patron_id, r.patron_identifier, p.first_name, p.last_name,
                  (select c.item_value from contact_item c where c.patron_id = p.id and c.kind = 'EMAIL'
                   order by c.preferred desc, c.id limit 1) as email,
                  r.confirmed_at, r.possible_duplicate, r.foreign_address, r.opened_by, r.opened_at,
                  r.suspicious_data
                from pre_registration r join patron p on p.id = r.patron_id
                """ + where + " order by r.confirmed_at, r.id limit ? offset ?",
                (row, n) -> {
                    var openedAt = row.getTimestamp(11);
                    boolean held = openedAt != null && openedAt.toInstant().isAfter(holdStart);
                    return new Entry(
                            row.getLong(1),
                            row.getLong(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getTimestamp(7).toInstant(),
                            row.getBoolean(8),
                            row.getBoolean(9),
                            PreRegistration.reasons(row.getString(12)),
                            held ? row.getString(10) : null,
                            held ? openedAt.toInstant() : null);
                },
                arguments.toArray());
    }

    public int count(Filter filter) {
        var arguments = new ArrayList<Object>();
        var where = where(filter, arguments);
        Integer count = jdbc.queryForObject(
                "select count(*) from pre_registration r join patron p on p.id = r.patron_id " + where,
                Integer.class,
                arguments.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Filter filter, List<Object> arguments) {
        var where = new StringBuilder("where r.status = 'CONFIRMED'");
        if (filter.possibleDuplicatesOnly()) {
            where.append(" and r.possible_duplicate");
        }
        if (filter.foreignAddressesOnly()) {
            where.append(" and r.foreign_address");
        }
        if (filter.suspiciousOnly()) {
            where.append(" and r.suspicious_data is not null");
        }
        var text = Text.tidy(filter.text());
        if (text != null && !text.isBlank()) {
            // The columns' collation ignores accents and case; LIKE's own characters are escaped.
            var like = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            like = like.length() > 100 ? like.substring(0, 100) : like;
            where.append(
                    " and (r.patron_identifier like ? or p.last_name like ? or p.first_name like ? or exists ("
                            + "select 1 from contact_item c where c.patron_id = p.id and c.kind = 'EMAIL' and c.item_value like ?))");
            arguments.add(like + "%");
            arguments.add(like + "%");
            arguments.add(like + "%");
            arguments.add(like + "%");
        }
        return where.toString();
    }

    /**
     * Opens an entry for the signed-in operator. When a colleague has it open (within
     * {@link #HOLD}), nothing changes and who and since when are returned, unless the operator takes
     * it over knowingly.
     */
    public @Nullable HeldBy open(long id, boolean takeOver) {
        var me = operator();
        var now = clock.instant();
        // One statement decides, so that two operators opening at the same moment cannot both win.
        int opened = jdbc.update("""
                update pre_registration set opened_by = ?, opened_at = ?
                where id = ? and status = 'CONFIRMED'
                  and (? or opened_by is null or opened_by = ? or opened_at < ?)""", me, Timestamp.from(now), id, takeOver, me, Timestamp.from(now.minus(HOLD)));
        if (opened == 1) {
            return null;
        }
        var holder = jdbc.query(
                "select opened_by, opened_at from pre_registration where id = ? and status = 'CONFIRMED'",
                (row, n) -> new HeldBy(row.getString(1), row.getTimestamp(2).toInstant()),
                id);
        if (holder.isEmpty()) {
            throw new IllegalArgumentException("No confirmed pre-registration " + id);
        }
        return holder.getFirst();
    }

    /** The operator closes the entry (left for later, or done). */
    public void release(long id) {
        jdbc.update(
                "update pre_registration set opened_by = null, opened_at = null where id = ? and opened_by = ?",
                id,
                operator());
    }

    private static String operator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("No signed-in operator");
        }
        return authentication.getName();
    }
}
