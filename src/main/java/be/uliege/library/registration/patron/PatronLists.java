package be.uliege.library.registration.patron;

import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's everyday lists of external patrons (issue 15; R-REC-3, R-DESK-6, R-DESK-7), each a
 * count and a page of {@value #PAGE_SIZE}, "today" being the library's (the application clock is in
 * Europe/Brussels):
 *
 * <ul>
 *   <li><b>expiring this month</b>: active B and BX whose expiration date falls in the current
 *       calendar month (the first to the last day, whether passed already or not), soonest first;
 *   <li><b>expired</b>: B and BX whose expiration date has passed and whose purge date has not (a
 *       record past its purge date is the retention job's, R-RET-1), the latest expired first;
 *   <li><b>inactive</b>: B and BX with the status Inactive whose identity was checked at the desk —
 *       a pre-registration validated, or a walk-in registered, that could not pay yet (R-DESK-6),
 *       or a record deactivated since. A pre-registration still in the queue (or not confirmed) has
 *       no identity check: it is the queue's, not this list's. Longest inactive first.
 * </ul>
 */
@Service
public class PatronLists {

    /** Rows on one page of a list. */
    public static final int PAGE_SIZE = 50;

    private static final String COLUMNS = "select p.id, p.primary_identifier, p.first_name, p.last_name, p.kind, "
            + "p.status, p.status_date, p.expiration_date, p.purge_date from patron p ";

    private static final RowMapper<Listed> LISTED = (row, n) -> new Listed(
            new PatronId(row.getLong(1)),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            PatronKind.valueOf(row.getString(5)),
            PatronStatus.valueOf(row.getString(6)),
            row.getObject(7, LocalDate.class),
            row.getObject(8, LocalDate.class),
            row.getObject(9, LocalDate.class));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PatronLists(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A patron on one of the lists. */
    public record Listed(
            PatronId patron,
            String identifier,
            String firstName,
            String lastName,
            PatronKind kind,
            PatronStatus status,
            LocalDate statusDate,
            LocalDate expiration,
            LocalDate purge) {}

    /** One page of a list (numbered from 0) and how many the whole list holds. */
    public record Page(long total, int page, List<Listed> rows) {

        /** How many pages the list has (at least one, empty). */
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** Active B and BX whose expiration falls in the current month, soonest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Page expiringThisMonth(int page) {
        var today = LocalDate.now(clock);
        var first = Date.valueOf(today.withDayOfMonth(1));
        var last = Date.valueOf(today.with(TemporalAdjusters.lastDayOfMonth()));
        return page(
                "where p.kind in ('B', 'BX') and p.status = 'ACTIVE' and p.expiration_date between ? and ?",
                "order by p.expiration_date, p.last_name, p.first_name, p.id",
                page,
                first,
                last);
    }

    /** B and BX past their expiration date, not yet their purge date; the latest expired first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Page expired(int page) {
        var today = Date.valueOf(LocalDate.now(clock));
        return page(
                "where p.kind in ('B', 'BX') and p.expiration_date < ? and p.purge_date >= ?",
                "order by p.expiration_date desc, p.last_name, p.first_name, p.id",
                page,
                today,
                today);
    }

    /** Inactive B and BX whose identity was checked at the desk (R-DESK-6), longest inactive first. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Page inactive(int page) {
        return page(
                "where p.kind in ('B', 'BX') and p.status = 'INACTIVE' "
                        + "and exists (select 1 from identity_check i where i.patron_id = p.id)",
                "order by p.status_date, p.expiration_date, p.id",
                page);
    }

    /**
     * R-SIS-3: the university's people (U, S, C, loaded every night) whose last synchronization is
     * older than today, the longest unseen first: gone from the source systems, or their row failed.
     */
    @PreAuthorize("hasRole('" + Roles.USER_ADMINISTRATOR + "')")
    @Transactional(readOnly = true)
    public Page notSynchronizedToday(int page) {
        var today = Date.valueOf(LocalDate.now(clock));
        return page(
                "where p.kind in ('U', 'S', 'C') and p.account_type = 'EXTERNAL' "
                        + "and (p.synchronized_on is null or p.synchronized_on < ?)",
                "order by p.synchronized_on, p.last_name, p.first_name, p.id",
                page,
                today);
    }

    private Page page(String where, String order, int page, Object... arguments) {
        var total = jdbc.queryForObject("select count(*) from patron p " + where, Long.class, arguments);
        int number = Math.max(0, page);
        var withPage = new ArrayList<Object>(List.of(arguments));
        withPage.add(PAGE_SIZE);
        withPage.add((long) number * PAGE_SIZE);
        var rows = jdbc.query(COLUMNS + where + " " + order + " limit ? offset ?", LISTED, withPage.toArray());
        return new Page(total == null ? 0 : total, number, rows);
    }
}
