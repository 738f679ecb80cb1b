package be.uliege.library.registration.export;

import be.uliege.library.registration.export.ExportRun.Kind;
import be.uliege.library.registration.export.ExportRun.Status;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The export runs, their files and the erased patrons waiting to be told (tables {@code export_*}). */
@Component
class ExportRuns {

    private static final int NOTE_MAX = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ExportRuns(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long start(Kind kind, @Nullable Instant since, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                "insert into export_run (kind, since, started_by, started_at, status)"
                        + " values (:kind, :since, :by, :at, 'RUNNING')",
                new MapSqlParameterSource()
                        .addValue("kind", kind.name())
                        .addValue("since", utc(since))
                        .addValue("by", by)
                        .addValue("at", utc(clock.instant())),
                keys,
                new String[] {"id"});
        return keys.getKeyAs(Number.class).longValue();
    }

    void file(long run, ExportRun.File file) {
        jdbc.update(
                "insert into export_file (run_id, name, users, bytes, sha256) values (:run, :name, :users, :bytes, :sha)",
                new MapSqlParameterSource()
                        .addValue("run", run)
                        .addValue("name", file.name())
                        .addValue("users", file.users())
                        .addValue("bytes", file.bytes())
                        .addValue("sha", file.sha256()));
    }

    void finish(long run, Status status, int users, int deleted, @Nullable String note) {
        jdbc.update(
                "update export_run set status = :status, finished_at = :at, users = :users, deleted = :deleted,"
                        + " note = :note where id = :run",
                new MapSqlParameterSource()
                        .addValue("run", run)
                        .addValue("status", status.name())
                        .addValue("at", utc(clock.instant()))
                        .addValue("users", users)
                        .addValue("deleted", deleted)
                        .addValue("note", note == null ? null : note.substring(0, Math.min(note.length(), NOTE_MAX))));
    }

    /** Runs left RUNNING by an instance that ended (the caller holds the export's lock). */
    void failAbandoned() {
        jdbc.update(
                "update export_run set status = 'FAILED', finished_at = :at,"
                        + " note = 'interrupted: the instance that ran it ended' where status = 'RUNNING'",
                new MapSqlParameterSource("at", utc(clock.instant())));
    }

    /** The start of the last completed export: a delta carries what changed from then on. */
    Optional<Instant> lastCompletedStart() {
        return jdbc
                .query(
                        "select started_at from export_run where status = 'COMPLETED' order by started_at desc limit 1",
                        new MapSqlParameterSource(),
                        (rs, n) -> instant(rs, "started_at"))
                .stream()
                .findFirst();
    }

    List<ExportRun> latest(int limit) {
        var runs = jdbc.query(
                "select id, kind, since, started_by, started_at, finished_at, status, users, deleted, note"
                        + " from export_run order by id desc limit :limit",
                new MapSqlParameterSource("limit", limit),
                (rs, n) -> run(rs));
        return runs.stream().map(r -> withFiles(r)).toList();
    }

    Optional<ExportRun> find(long id) {
        return jdbc
                .query(
                        "select id, kind, since, started_by, started_at, finished_at, status, users, deleted, note"
                                + " from export_run where id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, n) -> run(rs))
                .stream()
                .findFirst()
                .map(this::withFiles);
    }

    /** Whether a completed run wrote a file of this name (what may be downloaded). */
    boolean isFile(String name) {
        Integer count = jdbc.queryForObject(
                "select count(*) from export_file f join export_run r on r.id = f.run_id"
                        + " where f.name = :name and r.status = 'COMPLETED'",
                new MapSqlParameterSource("name", name),
                Integer.class);
        return count != null && count > 0;
    }

    /** The files of the runs started before {@code cutoff}. */
    List<String> filesBefore(Instant cutoff) {
        return jdbc.queryForList(
                "select f.name from export_file f join export_run r on r.id = f.run_id where r.started_at < :cutoff",
                new MapSqlParameterSource("cutoff", utc(cutoff)),
                String.class);
    }

    /** Forgets the files of the runs started before {@code cutoff}; the runs and their counts stay. */
    void forgetFilesBefore(Instant cutoff) {
        var params = new MapSqlParameterSource("cutoff", utc(cutoff));
        jdbc.update(
                "update export_run set note = 'files deleted after the retention period' where started_at < :cutoff"
                        + " and exists (select 1 from export_file f where f.run_id = export_run.id)",
                params);
        jdbc.update(
                "delete f from export_file f join export_run r on r.id = f.run_id where r.started_at < :cutoff",
                params);
    }

    /** An erased patron the library system must be told of. */
    record Deletion(long id, String primaryIdentifier, String userGroup, LocalDate erasedOn) {}

    void erased(String primaryIdentifier, String kind, String userGroup) {
        jdbc.update(
                "insert into export_deletion (primary_identifier, kind, user_group, erased_on)"
                        + " values (:identifier, :kind, :group, :day)",
                new MapSqlParameterSource()
                        .addValue("identifier", primaryIdentifier)
                        .addValue("kind", kind)
                        .addValue("group", userGroup)
                        .addValue("day", Date.valueOf(LocalDate.now(clock))));
    }

    /** The erased patrons waiting, a page at a time in id order. */
    void deletions(Consumer<Deletion> each) {
        long after = 0;
        while (true) {
            var page = jdbc.query(
                    "select id, primary_identifier, user_group, erased_on from export_deletion where id > :after"
                            + " order by id limit 1000",
                    new MapSqlParameterSource("after", after),
                    (rs, n) -> new Deletion(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getDate(4).toLocalDate()));
            if (page.isEmpty()) {
                return;
            }
            page.forEach(each);
            after = page.getLast().id();
        }
    }

    /** Forgets the erased patrons a completed export carried (up to that id). */
    int told(long upToId) {
        return jdbc.update("delete from export_deletion where id <= :id", new MapSqlParameterSource("id", upToId));
    }

    private ExportRun withFiles(ExportRun run) {
        var files = new ArrayList<ExportRun.File>();
        jdbc.query(
                "select name, users, bytes, sha256 from export_file where run_id = :run order by id",
                new MapSqlParameterSource("run", run.id()),
                rs -> {
                    files.add(new ExportRun.File(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4)));
                });
        return new ExportRun(
                run.id(),
                run.kind(),
                run.since(),
                run.startedBy(),
                run.startedAt(),
                run.finishedAt(),
                run.status(),
                run.users(),
                run.deleted(),
                run.note(),
                files);
    }

    private static ExportRun run(ResultSet rs) throws SQLException {
        return new ExportRun(
                rs.getLong("id"),
                Kind.valueOf(rs.getString("kind")),
                instant(rs, "since"),
                rs.getString("started_by"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("users"),
                rs.getInt("deleted"),
                rs.getString("note"),
                List.of());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
