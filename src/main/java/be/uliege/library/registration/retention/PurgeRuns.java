package be.uliege.library.registration.retention;

import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.retention.PurgeRun.Kind;
import be.uliege.library.registration.retention.PurgeRun.Outcome;
import be.uliege.library.registration.retention.PurgeRun.Skipped;
import be.uliege.library.registration.retention.PurgeRun.Status;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The purge runs and the patrons they skipped (tables {@code purge_run}, {@code purge_run_line}).
 * Each update is a statement of its own, in the caller's transaction when there is one: a batch's
 * counts commit with the erasures they count.
 */
@Component
class PurgeRuns {

    private static final String COLUMNS = "id, kind, purge_before, started_by, started_at, finished_at, status,"
            + " stop_requested, due, purged, purged_b, purged_bx, purged_u, purged_s, purged_c, skipped_fee,"
            + " skipped_hold, note";
    private static final int NOTE_MAX = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    PurgeRuns(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long start(Kind kind, LocalDate purgeBefore, String by, int due, @Nullable String note) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                "insert into purge_run (kind, purge_before, started_by, started_at, status, due, note)"
                        + " values (:kind, :before, :by, :at, 'RUNNING', :due, :note)",
                new MapSqlParameterSource()
                        .addValue("kind", kind.name())
                        .addValue("before", Date.valueOf(purgeBefore))
                        .addValue("by", by)
                        .addValue("at", Timestamp.from(clock.instant()))
                        .addValue("due", due)
                        .addValue("note", note == null ? null : clip(note)),
                keys,
                new String[] {"id"});
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Adds a batch's counts. */
    void add(long run, Map<PatronKind, Integer> purged, int skippedFee, int skippedHold) {
        int total = purged.values().stream().mapToInt(Integer::intValue).sum();
        jdbc.update(
                "update purge_run set purged = purged + :total, purged_b = purged_b + :b, purged_bx = purged_bx + :bx,"
                        + " purged_u = purged_u + :u, purged_s = purged_s + :s, purged_c = purged_c + :c,"
                        + " skipped_fee = skipped_fee + :fee, skipped_hold = skipped_hold + :hold"
                        + " where id = :run",
                new MapSqlParameterSource()
                        .addValue("run", run)
                        .addValue("total", total)
                        .addValue("b", purged.getOrDefault(PatronKind.B, 0))
                        .addValue("bx", purged.getOrDefault(PatronKind.BX, 0))
                        .addValue("u", purged.getOrDefault(PatronKind.U, 0))
                        .addValue("s", purged.getOrDefault(PatronKind.S, 0))
                        .addValue("c", purged.getOrDefault(PatronKind.C, 0))
                        .addValue("fee", skippedFee)
                        .addValue("hold", skippedHold));
    }

    void skipped(long run, List<Skipped> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into purge_run_line (run_id, patron_id, primary_identifier, outcome, detail)"
                        + " values (:run, :patron, :identifier, :outcome, :detail)",
                lines.stream()
                        .map(l -> new MapSqlParameterSource()
                                .addValue("run", run)
                                .addValue("patron", l.patronId())
                                .addValue("identifier", l.primaryIdentifier())
                                .addValue("outcome", l.outcome().name())
                                .addValue("detail", l.detail() == null ? null : clip(l.detail())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void finish(long run, Status status, @Nullable String note) {
        jdbc.update(
                "update purge_run set status = :status, finished_at = :at,"
                        + " note = coalesce(:note, note) where id = :run and status = 'RUNNING'",
                new MapSqlParameterSource()
                        .addValue("run", run)
                        .addValue("status", status.name())
                        .addValue("at", Timestamp.from(clock.instant()))
                        .addValue("note", note == null ? null : clip(note)));
    }

    /** Runs left RUNNING by an instance that ended (the caller holds the purge's lock: nobody runs them). */
    int failAbandoned() {
        return jdbc.update(
                "update purge_run set status = 'FAILED', finished_at = :at,"
                        + " note = 'interrupted: the instance that ran it ended' where status = 'RUNNING'",
                new MapSqlParameterSource("at", Timestamp.from(clock.instant())));
    }

    boolean requestStop(long run) {
        return jdbc.update(
                        "update purge_run set stop_requested = true where id = :run and status = 'RUNNING'",
                        new MapSqlParameterSource("run", run))
                > 0;
    }

    boolean stopRequested(long run) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select stop_requested from purge_run where id = :run",
                new MapSqlParameterSource("run", run),
                Boolean.class));
    }

    List<PurgeRun> latest(int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from purge_run order by id desc limit :limit",
                new MapSqlParameterSource("limit", limit),
                (rs, n) -> run(rs));
    }

    Optional<PurgeRun> find(long run) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from purge_run where id = :run",
                        new MapSqlParameterSource("run", run),
                        (rs, n) -> run(rs))
                .stream()
                .findFirst();
    }

    List<Skipped> skippedBy(long run, int limit) {
        return jdbc.query(
                "select patron_id, primary_identifier, outcome, detail from purge_run_line where run_id = :run"
                        + " order by id limit :limit",
                new MapSqlParameterSource().addValue("run", run).addValue("limit", limit),
                (rs, n) ->
                        new Skipped(rs.getLong(1), rs.getString(2), Outcome.valueOf(rs.getString(3)), rs.getString(4)));
    }

    /** An erased patron's lines in earlier reports go with them (R-RET-1: the report says not who). */
    void forget(List<Long> patronIds) {
        jdbc.update(
                "delete from purge_run_line where patron_id in (:ids)", new MapSqlParameterSource("ids", patronIds));
    }

    private static PurgeRun run(ResultSet rs) throws SQLException {
        var byKind = new EnumMap<PatronKind, Integer>(PatronKind.class);
        byKind.put(PatronKind.B, rs.getInt("purged_b"));
        byKind.put(PatronKind.BX, rs.getInt("purged_bx"));
        byKind.put(PatronKind.U, rs.getInt("purged_u"));
        byKind.put(PatronKind.S, rs.getInt("purged_s"));
        byKind.put(PatronKind.C, rs.getInt("purged_c"));
        return new PurgeRun(
                rs.getLong("id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getDate("purge_before").toLocalDate(),
                rs.getString("started_by"),
                instant(rs.getTimestamp("started_at")),
                rs.getTimestamp("finished_at") == null ? null : instant(rs.getTimestamp("finished_at")),
                Status.valueOf(rs.getString("status")),
                rs.getBoolean("stop_requested"),
                rs.getInt("due"),
                rs.getInt("purged"),
                byKind,
                rs.getInt("skipped_fee"),
                rs.getInt("skipped_hold"),
                rs.getString("note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static String clip(String text) {
        return text.length() <= NOTE_MAX ? text : text.substring(0, NOTE_MAX);
    }
}
