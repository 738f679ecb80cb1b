package be.uliege.library.registration.load;

import be.uliege.library.registration.load.file.Position;
import be.uliege.library.registration.load.file.RawRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of a synchronization that the check did not recognise as the row last applied
 * (R-SIS-5), kept in their fixed form and in the file's order for the people step: a night where
 * few rows changed reads the file once. Written in the check's transaction, read by the people step
 * page by page (its place is the last number it read), deleted when the run ends.
 */
@Repository
class PendingRows {

    /** MariaDB takes at most 65,535 parameters in one statement; a page of rows stays well below. */
    private static final int PER_INSERT = 1000;

    private final JdbcTemplate jdbc;

    PendingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row kept, numbered in the file's order. */
    record Pending(
            long seq,
            Position position,
            @Nullable String primaryId,
            @Nullable String xml) {}

    /** Keeps the rows, numbered from {@code firstSeq} in their order. */
    void put(long run, long firstSeq, List<RawRow> rows) {
        for (int from = 0; from < rows.size(); from += PER_INSERT) {
            var part = rows.subList(from, Math.min(rows.size(), from + PER_INSERT));
            var args = new ArrayList<@Nullable Object>(part.size() * 7);
            long seq = firstSeq + from;
            for (var row : part) {
                args.add(run);
                args.add(seq++);
                args.add(row.position().file());
                args.add(row.position().element());
                args.add(row.position().line());
                args.add(row.primaryId());
                args.add(row.xml());
            }
            jdbc.update(
                    "insert into load_pending_row (run_id, seq, file_name, element_no, line_no, primary_id, row_xml)"
                            + " values " + String.join(",", Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?)")),
                    args.toArray());
        }
    }

    /** The rows after {@code afterSeq}, in order, at most {@code limit}. */
    List<Pending> after(long run, long afterSeq, int limit) {
        return jdbc.query(
                "select seq, file_name, element_no, line_no, primary_id, row_xml from load_pending_row"
                        + " where run_id = ? and seq > ? order by seq limit ?",
                (rs, i) -> new Pending(
                        rs.getLong(1),
                        new Position(rs.getString(2), rs.getLong(3), rs.getLong(4)),
                        rs.getString(5),
                        rs.getString(6)),
                run,
                afterSeq,
                limit);
    }

    /** Forgets the run's rows (personal data: kept no longer than the run needs them). */
    void forget(long run) {
        jdbc.update("delete from load_pending_row where run_id = ?", run);
    }
}
