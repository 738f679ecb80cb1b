package be.uliege.library.registration.load;

import be.uliege.library.registration.load.LoadRun.Counts;
import be.uliege.library.registration.load.LoadRun.Status;
import be.uliege.library.registration.load.file.FileRefusedException;
import be.uliege.library.registration.patron.LoadInstructions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The runs of the load and their report lines, in MariaDB (shared by every instance). Counts are
 * added in the transaction of the chunk they count, so that a run restarted after a crash counts
 * each row once.
 */
@Repository
class LoadRuns {

    /** Separates a reason's arguments in one column; arguments never hold it (it is a control character). */
    private static final String ARGS_SEPARATOR = "\u001f";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoadRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long start(String fileName, LoadInstructions.Mode mode, boolean dryRun, String startedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(
                            "insert into load_run (file_name, mode, dry_run, started_by, started_at, status) "
                                    + "values (?, ?, ?, ?, ?, 'RUNNING')",
                            new String[] {"id"});
                    statement.setString(1, fileName);
                    statement.setString(2, mode.name());
                    statement.setBoolean(3, dryRun);
                    statement.setString(4, startedBy);
                    statement.setTimestamp(5, Timestamp.from(clock.instant()));
                    return statement;
                },
                keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    void attachJob(long run, long jobExecutionId) {
        jdbc.update("update load_run set job_execution_id = ? where id = ?", jobExecutionId, run);
    }

    void total(long run, long total) {
        jdbc.update("update load_run set total_rows = ? where id = ?", total, run);
    }

    void add(long run, Counts counts) {
        jdbc.update(
                """
                update load_run set read_rows = read_rows + ?, created_rows = created_rows + ?,
                 updated_rows = updated_rows + ?, unchanged_rows = unchanged_rows + ?,
                 rejected_rows = rejected_rows + ?, duplicate_rows = duplicate_rows + ?,
                 held_back_rows = held_back_rows + ? where id = ?""",
                counts.read(),
                counts.created(),
                counts.updated(),
                counts.unchanged(),
                counts.rejected(),
                counts.duplicates(),
                counts.heldBack(),
                run);
    }

    void report(long run, List<LoadReportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into load_report_line (run_id, outcome, file_name, element_no, line_no, primary_id,
                 field_name, reason_key, reason_args) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream()
                        .map(l -> new Object[] {
                            run,
                            l.outcome().name(),
                            cut(l.file(), 255),
                            l.element(),
                            l.line(),
                            l.primaryId() == null ? null : cut(l.primaryId(), 100),
                            l.field(),
                            l.reasonKey(),
                            cut(String.join(ARGS_SEPARATOR, l.reasonArgs()), 1000)
                        })
                        .toList());
    }

    void finish(long run, Status status, @Nullable String refusedReason) {
        jdbc.update(
                "update load_run set status = ?, finished_at = ?, refused_reason = ? where id = ?",
                status.name(),
                Timestamp.from(clock.instant()),
                refusedReason == null ? null : cut(refusedReason, 2000),
                run);
    }

    /** The file was refused whole (R-SIS-1): nothing changed; the reason is kept as its message key and arguments. */
    void refuse(long run, FileRefusedException refusal) {
        var reason = refusal.reason();
        var text = String.join(
                ARGS_SEPARATOR,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(reason.key()), reason.args().stream())
                        .toList());
        finish(run, Status.REFUSED, text);
    }

    /** A run restarted after a stop or a failure is running again. */
    void resume(long run) {
        jdbc.update("update load_run set status = 'RUNNING', finished_at = null where id = ?", run);
    }

    /** Asks the running load to stop; false if it is not running. Seen by whichever instance runs it. */
    boolean requestStop(long run) {
        return jdbc.update("update load_run set stop_requested = true where id = ? and status = 'RUNNING'", run) > 0;
    }

    /** A resumption: the stop that ended the run is done with. */
    void clearStop(long run) {
        jdbc.update("update load_run set stop_requested = false where id = ?", run);
    }

    boolean stopRequested(long run) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select stop_requested from load_run where id = ?", Boolean.class, run));
    }

    Optional<LoadRun> find(long run) {
        return jdbc.query("select * from load_run where id = ?", LoadRuns::run, run).stream()
                .findFirst();
    }

    /** The files of runs not finished (failed, stopped, or running when their instance died): not loaded afresh. */
    List<String> unfinishedFiles() {
        return jdbc.queryForList("""
                select file_name from load_run where status in ('RUNNING', 'FAILED', 'STOPPED')
                 and dry_run = false and job_execution_id is not null""", String.class);
    }

    boolean anyFileStartingWith(String prefix) {
        var escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        var count =
                jdbc.queryForObject("select count(*) from load_run where file_name like ?", Long.class, escaped + "%");
        return count != null && count > 0;
    }

    /** The latest runs first. */
    List<LoadRun> latest(int limit) {
        return jdbc.query("select * from load_run order by started_at desc, id desc limit ?", LoadRuns::run, limit);
    }

    /** Runs that did not finish (failed, or running when their instance died), not dry runs: to go on with. */
    List<LoadRun> resumable() {
        return jdbc.query("""
                select * from load_run where status in ('RUNNING', 'FAILED') and dry_run = false
                 and job_execution_id is not null order by id""", LoadRuns::run);
    }

    /**
     * Runs that never started and never will: their instance died while they waited for the lock
     * (they have no job). Marked failed, so that the screen does not follow a load that is not there.
     */
    int failNeverStarted(java.time.Instant before) {
        return jdbc.update(
                "update load_run set status = 'FAILED', finished_at = ?, refused_reason = 'never started'"
                        + " where status = 'RUNNING' and job_execution_id is null and started_at < ?",
                Timestamp.from(clock.instant()),
                Timestamp.from(before));
    }

    /** The report of a run, in file order, streamed (a bad file can reject every row). */
    void lines(long run, Consumer<LoadReportLine> each) {
        jdbc.query(
                """
                select outcome, file_name, element_no, line_no, primary_id, field_name, reason_key, reason_args
                  from load_report_line where run_id = ? order by id""",
                rs -> {
                    each.accept(line(rs));
                },
                run);
    }

    List<LoadReportLine> lines(long run, int offset, int limit) {
        return jdbc.query("""
                select outcome, file_name, element_no, line_no, primary_id, field_name, reason_key, reason_args
                  from load_report_line where run_id = ? order by id limit ? offset ?""", (rs, i) -> line(rs), run, limit, offset);
    }

    long lineCount(long run) {
        var count = jdbc.queryForObject("select count(*) from load_report_line where run_id = ?", Long.class, run);
        return count == null ? 0 : count;
    }

    private static LoadReportLine line(ResultSet rs) throws SQLException {
        var args = rs.getString(8);
        return new LoadReportLine(
                LoadReportLine.Outcome.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                args.isEmpty() ? List.of() : Arrays.asList(args.split(ARGS_SEPARATOR, -1)));
    }

    private static LoadRun run(ResultSet rs, int row) throws SQLException {
        long job = rs.getLong("job_execution_id");
        Long jobId = rs.wasNull() ? null : job;
        long total = rs.getLong("total_rows");
        Long totalRows = rs.wasNull() ? null : total;
        var finished = rs.getTimestamp("finished_at");
        return new LoadRun(
                rs.getLong("id"),
                jobId,
                rs.getString("file_name"),
                LoadInstructions.Mode.valueOf(rs.getString("mode")),
                rs.getBoolean("dry_run"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                Status.valueOf(rs.getString("status")),
                totalRows,
                new Counts(
                        rs.getLong("read_rows"),
                        rs.getLong("created_rows"),
                        rs.getLong("updated_rows"),
                        rs.getLong("unchanged_rows"),
                        rs.getLong("rejected_rows"),
                        rs.getLong("duplicate_rows"),
                        rs.getLong("held_back_rows")),
                rs.getString("refused_reason"),
                rs.getBoolean("stop_requested"));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
