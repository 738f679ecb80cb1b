package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.patron.PatronsErased.Erased;
import be.uliege.library.registration.security.Roles;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a record (R-RET-1, R-RET-2): which records are past their purge date, and their
 * erasure with everything that is theirs. The record, its contact items, identifiers, name words,
 * notes and identity checks go, and with them, by the database's cascades, every other module's
 * rows that hang on the record (pre-registration, registrations, cards, photo, directory account
 * row, holds); the other modules anonymise or remove the rest on {@link PatronsErased}. The history
 * keeps one line saying that the record was erased, in which run — not who it was. Identifiers are
 * never given again (R-ID-3): the sequences only grow.
 *
 * <p>A record is past its purge date when that date is before the given day: nothing is erased on
 * or before its purge date (R-RET-1).
 */
@Service
public class PatronErasure {

    static final String HISTORY_FIELD = "erased";

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CurrentStaff staff;
    private final Clock clock;

    PatronErasure(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, CurrentStaff staff, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.staff = staff;
        this.clock = clock;
    }

    /** A record past its purge date, as the retention screens and the purge see it. */
    public record Due(
            long id, String primaryIdentifier, PatronKind kind, LocalDate expirationDate, LocalDate purgeDate) {}

    /** The records whose purge date is before {@code day}, after {@code afterId}, in id order. */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public List<Due> due(LocalDate day, long afterId, int limit) {
        return jdbc.query(
                "select id, primary_identifier, kind, expiration_date, purge_date from patron"
                        + " where purge_date < :day and id > :after order by id limit :limit",
                new MapSqlParameterSource()
                        .addValue("day", Date.valueOf(day))
                        .addValue("after", afterId)
                        .addValue("limit", limit),
                (rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        PatronKind.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate()));
    }

    /** How many records are past their purge date on {@code day}, by kind. */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(readOnly = true)
    public Map<PatronKind, Long> countDue(LocalDate day) {
        var counts = new EnumMap<PatronKind, Long>(PatronKind.class);
        jdbc.query(
                "select kind, count(*) from patron where purge_date < :day group by kind",
                new MapSqlParameterSource("day", Date.valueOf(day)),
                rs -> {
                    counts.put(PatronKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Locks the given records that are still past their purge date on {@code day}, in the caller's
     * transaction, and gives them back: the purge then decides and erases exactly these, and nobody
     * changes them meanwhile (a renewal moves the purge date: the record is no longer due).
     */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Erased> lockDue(Collection<Long> ids, LocalDate day) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withFormerIdentifiers(jdbc.query(
                "select id, primary_identifier, kind, user_group from patron where id in (:ids) and purge_date < :day"
                        + " order by id for update",
                new MapSqlParameterSource().addValue("ids", ids).addValue("day", Date.valueOf(day)),
                (rs, n) -> new Erased(
                        rs.getLong(1),
                        rs.getString(2),
                        PatronKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        List.of())));
    }

    /**
     * Locks one record whatever its purge date, for an erasure at the person's request (R-RET-2);
     * {@link PatronNotFoundException} when it is gone.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public Erased lockForErasure(long id) {
        var locked = jdbc.query(
                "select id, primary_identifier, kind, user_group from patron where id = :id for update",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Erased(
                        rs.getLong(1),
                        rs.getString(2),
                        PatronKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        List.of()));
        if (locked.isEmpty()) {
            throw new PatronNotFoundException(id);
        }
        return withFormerIdentifiers(locked).getFirst();
    }

    private List<Erased> withFormerIdentifiers(List<Erased> locked) {
        if (locked.isEmpty()) {
            return locked;
        }
        var formers = new HashMap<Long, List<String>>();
        jdbc.query(
                "select patron_id, id_value from additional_identifier"
                        + " where id_type = 'FORMER_PRIMARY' and patron_id in (:ids)",
                new MapSqlParameterSource("ids", locked.stream().map(Erased::id).toList()),
                rs -> {
                    formers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return locked.stream()
                .map(e -> new Erased(
                        e.id(),
                        e.primaryIdentifier(),
                        e.kind(),
                        e.userGroup(),
                        formers.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /**
     * Erases the records the caller locked ({@link #lockDue}, {@link #lockForErasure}) in its
     * transaction: {@link PatronsErased} first (each module's part), then the history lines and the
     * records with their cascades; one history line per record says it was erased, by which run.
     */
    @PreAuthorize("hasAnyRole('" + Roles.DESK_MANAGER + "', '" + Roles.SYSTEM + "')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(List<Erased> locked, long run) {
        if (locked.isEmpty()) {
            return;
        }
        var erased = new PatronsErased(run, locked);
        events.publishEvent(erased);
        var ids = new MapSqlParameterSource("ids", erased.ids());
        // R-ID-3: our identifiers (B, BX) are never given again, not even once the record is gone.
        var retired = new ArrayList<MapSqlParameterSource>();
        var day = Date.valueOf(java.time.LocalDate.now(clock));
        for (var patron : locked) {
            var worn = new ArrayList<String>(patron.formerIdentifiers());
            worn.add(patron.primaryIdentifier());
            worn.stream()
                    .filter(value -> value.startsWith("B"))
                    .forEach(value -> retired.add(
                            new MapSqlParameterSource().addValue("value", value).addValue("day", day)));
        }
        if (!retired.isEmpty()) {
            jdbc.batchUpdate(
                    "insert ignore into retired_identifier (id_value, retired_on) values (:value, :day)",
                    retired.toArray(MapSqlParameterSource[]::new));
        }
        jdbc.update("delete from patron_history where patron_id in (:ids)", ids);
        jdbc.update("delete from patron where id in (:ids)", ids);
        var at = Timestamp.from(clock.instant());
        var actor = staff.actor();
        var lines = new ArrayList<MapSqlParameterSource>();
        for (var id : erased.ids()) {
            lines.add(new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("at", at)
                    .addValue("by", actor)
                    .addValue("field", HISTORY_FIELD)
                    .addValue("run", String.valueOf(run)));
        }
        jdbc.batchUpdate(
                "insert into patron_history (patron_id, changed_at, changed_by, field_name, old_value, new_value)"
                        + " values (:id, :at, :by, :field, null, :run)",
                lines.toArray(MapSqlParameterSource[]::new));
    }
}
