package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronLookup;
import be.uliege.library.registration.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's hold (R-RET-1): a legal or disputed case keeps the patron out of every purge, and of
 * an erasure on request, until a manager lifts it. Setting and lifting are written in the patron's
 * history, with the reason.
 */
@Service
public class RetentionHolds {

    public static final int REASON_MIN = 5;
    public static final int REASON_MAX = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final PatronHistory history;
    private final PatronLookup lookup;
    private final CurrentStaff staff;
    private final Clock clock;

    RetentionHolds(
            NamedParameterJdbcTemplate jdbc,
            PatronHistory history,
            PatronLookup lookup,
            CurrentStaff staff,
            Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.lookup = lookup;
        this.staff = staff;
        this.clock = clock;
    }

    /** A hold: on whom, why, by whom, since when. */
    public record Hold(long patronId, String primaryIdentifier, String reason, String heldBy, Instant heldAt) {}

    /** Holds the patron (or changes the reason of the hold that stands). */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public Hold hold(long patronId, String reason) {
        var why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN || why.length() > REASON_MAX) {
            throw new RetentionRefusedException("retention.hold.reason", REASON_MIN, REASON_MAX);
        }
        var identifier = lookup.primaryIdentifier(new PatronId(patronId))
                .orElseThrow(() -> new RetentionRefusedException("retention.patron-gone"));
        var at = clock.instant();
        jdbc.update(
                "insert into retention_hold (patron_id, reason, held_by, held_at) values (:id, :reason, :by, :at)"
                        + " on duplicate key update reason = :reason, held_by = :by, held_at = :at",
                new MapSqlParameterSource()
                        .addValue("id", patronId)
                        .addValue("reason", why)
                        .addValue("by", staff.uid())
                        .addValue("at", Timestamp.from(at)));
        history.recordStep(new PatronId(patronId), "retentionHold", why);
        return new Hold(patronId, identifier, why, staff.uid(), at);
    }

    /** Lifts the patron's hold; false when there was none. */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional
    public boolean lift(long patronId) {
        boolean lifted = jdbc.update(
                        "delete from retention_hold where patron_id = :id", new MapSqlParameterSource("id", patronId))
                > 0;
        if (lifted) {
            history.recordStep(new PatronId(patronId), "retentionHold", "lifted");
        }
        return lifted;
    }

    /** The patron's hold, if one stands. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Optional<Hold> of(long patronId) {
        return list("where h.patron_id = :id", new MapSqlParameterSource("id", patronId)).stream()
                .findFirst();
    }

    /** Every hold standing, latest first. */
    @PreAuthorize("hasRole('" + Roles.DESK_MANAGER + "')")
    @Transactional(readOnly = true)
    public List<Hold> all() {
        return list("", new MapSqlParameterSource());
    }

    private List<Hold> list(String where, MapSqlParameterSource params) {
        var rows = jdbc.query(
                "select h.patron_id, h.reason, h.held_by, h.held_at from retention_hold h " + where
                        + " order by h.held_at desc",
                params,
                (rs, n) -> new Hold(
                        rs.getLong(1),
                        "",
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
        return rows.stream()
                .map(h -> new Hold(
                        h.patronId(),
                        lookup.primaryIdentifier(new PatronId(h.patronId())).orElse(""),
                        h.reason(),
                        h.heldBy(),
                        h.heldAt()))
                .toList();
    }

    /** Which of these patrons are held (the purge's check, in its transaction). */
    Set<Long> heldAmong(Collection<Long> patronIds) {
        var held = new HashSet<Long>();
        if (patronIds.isEmpty()) {
            return held;
        }
        jdbc.query(
                "select patron_id from retention_hold where patron_id in (:ids)",
                new MapSqlParameterSource("ids", patronIds),
                rs -> {
                    held.add(rs.getLong(1));
                });
        return held;
    }
}
